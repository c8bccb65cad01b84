<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>%1 ha</source>
        <translation>%1 公顷</translation>
    </message>
    <message>
        <source>%1 m²</source>
        <translation>%1 平方米</translation>
    </message>
    <message>
        <source>%1 mu</source>
        <translation>%1 亩</translation>
    </message>
</context>
<context>
    <name>app::AssetStatusEditor</name>
    <message>
        <source>New &amp;status:</source>
        <translation>新状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Record the new status as an edit: undo it with Ctrl+Z, write it to the project with Save edits</source>
        <translation>将新状态记为一项编辑：可用 Ctrl+Z 撤销，用“保存编辑”写入项目</translation>
    </message>
</context>
<context>
    <name>app::AttributeTableModel</name>
    <message>
        <source>%1 has no parcels layer; import parcels first.</source>
        <translation>%1 中没有地块图层，请先导入地块。</translation>
    </message>
    <message>
        <source>%1 cannot be opened as a GeoPackage project.</source>
        <translation>无法将 %1 作为 GeoPackage 项目打开。</translation>
    </message>
    <message>
        <source>Sorting or filtering the parcels failed: %1</source>
        <translation>地块排序或筛选失败：%1</translation>
    </message>
    <message>
        <source>yes (unsaved)</source>
        <translation>是（未保存）</translation>
    </message>
    <message>
        <source>no (unsaved)</source>
        <translation>否（未保存）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>app::ClassifyDialog</name>
    <message>
        <source>Cancelling: the previous results stay as they were…</source>
        <translation>正在取消：原有结果保持不变…</translation>
    </message>
    <message>
        <source>Classifying: %1</source>
        <translation>正在分类：%1</translation>
    </message>
    <message>
        <source>Choose a rule file</source>
        <translation>选择规则文件</translation>
    </message>
    <message>
        <source>Rule files (*.json)</source>
        <translation>规则文件 (*.json)</translation>
    </message>
    <message>
        <source>This rule file cannot be used: %1</source>
        <translation>此规则文件无法使用：%1</translation>
    </message>
    <message>
        <source>land use %1</source>
        <translation>地类 %1</translation>
    </message>
    <message>
        <source>land use not %1</source>
        <translation>地类不为 %1</translation>
    </message>
    <message>
        <source>distance to a river %1</source>
        <translation>距河流 %1</translation>
    </message>
    <message>
        <source>mean slope %1</source>
        <translation>平均坡度 %1</translation>
    </message>
    <message>
        <source>mean elevation %1</source>
        <translation>平均高程 %1</translation>
    </message>
    <message>
        <source>height above the village&apos;s lowest point %1</source>
        <translation>高于本村最低点 %1</translation>
    </message>
    <message>
        <source>height above the nearest river %1</source>
        <translation>高于最近河流 %1</translation>
    </message>
    <message>
        <source>area %1</source>
        <translation>面积 %1</translation>
    </message>
    <message>
        <source>any of: %1</source>
        <translation>满足其一：%1</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>always (every parcel left)</source>
        <translation>总是（其余所有地块）</translation>
    </message>
    <message>
        <source>; and </source>
        <translation>；且 </translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>正在分类…</translation>
    </message>
    <message>
        <source>Classified %1 parcels. The results are saved in the project.</source>
        <translation>已分类 %1 个地块，结果已保存到项目中。</translation>
    </message>
    <message>
        <source>Cancelled. The project keeps its previous results.</source>
        <translation>已取消，项目保留原有结果。</translation>
    </message>
    <message>
        <source>Classification failed, nothing was changed: %1</source>
        <translation>分类失败，项目未作任何改动：%1</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Idle parcels</source>
        <translation>闲置地块</translation>
    </message>
    <message>
        <source>Transferred parcels on %1</source>
        <translation>%1 已流转地块</translation>
    </message>
    <message>
        <source>Idle assets</source>
        <translation>闲置资产</translation>
    </message>
    <message>
        <source>Villages with idle funds</source>
        <translation>有闲置资金的村</translation>
    </message>
    <message>
        <source>Transfer ledger flags</source>
        <translation>流转台账问题</translation>
    </message>
    <message>
        <source>Parcels whose village code disagrees with their location</source>
        <translation>村代码与所在位置不符的地块</translation>
    </message>
    <message>
        <source>no type</source>
        <translation>未分型</translation>
    </message>
    <message>
        <source>Villages: %1</source>
        <translation>村：%1</translation>
    </message>
    <message>
        <source>Classify parcels</source>
        <translation>地块分类</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <source>none open</source>
        <translation>未打开</translation>
    </message>
    <message>
        <source>Rule file:</source>
        <translation>规则文件：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Rules in order (the first that matches decides)</source>
        <translation>规则（按顺序，第一条符合的规则决定）</translation>
    </message>
    <message>
        <source>Rule file</source>
        <translation>规则文件原文</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Judge transfers as of:</source>
        <translation>流转判定日期：</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>开始分类</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Idle, transfers and villages</source>
        <translation>闲置、流转与村分型</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Area (mu)</source>
        <translation>面积（亩）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Classification replaces the previous results of the project.</source>
        <translation>分类结果将替换项目中原有的分类结果。</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): see %1.</source>
        <translation>
            <numerusform>有 %n 条警告：见“%1”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Village types (several may hold; the first that holds is the primary)</source>
        <translation>村庄类型（可同时符合多种，第一个符合的为主要类型）</translation>
    </message>
    <message>
        <source>idle resource area %1</source>
        <translation>闲置资源面积 %1</translation>
    </message>
    <message>
        <source>mu</source>
        <translation>亩</translation>
    </message>
    <message>
        <source>idle resource area per household %1</source>
        <translation>户均闲置资源面积 %1</translation>
    </message>
    <message>
        <source>village centre to the nearest river %1</source>
        <translation>村中心距最近河流 %1</translation>
    </message>
    <message>
        <source>village centre to the nearest main road %1</source>
        <translation>村中心距最近主要道路 %1</translation>
    </message>
    <message>
        <source>village centre to the township seat %1</source>
        <translation>村中心距乡镇驻地 %1</translation>
    </message>
    <message>
        <source>share of orchards, tea and ponds %1</source>
        <translation>园地与坑塘面积占比 %1</translation>
    </message>
    <message>
        <source>Layers the rules read</source>
        <translation>规则读取的图层</translation>
    </message>
    <message>
        <source>rivers</source>
        <translation>河流</translation>
    </message>
    <message>
        <source>every river</source>
        <translation>全部河流</translation>
    </message>
    <message>
        <source>rivers whose %1 is at least %2</source>
        <translation>%1 不低于 %2 的河流</translation>
    </message>
    <message>
        <source>main roads</source>
        <translation>主要道路</translation>
    </message>
    <message>
        <source>every road</source>
        <translation>全部道路</translation>
    </message>
    <message>
        <source>roads whose %1 is %2</source>
        <translation>%1 为 %2 的道路</translation>
    </message>
</context>
<context>
    <name>app::CrsPicker</name>
    <message>
        <source>%1 coordinate systems shown</source>
        <translation>显示 %1 个坐标系</translation>
    </message>
    <message>
        <source>Search by EPSG code or name, e.g. 4525 or zone 37</source>
        <translation>按 EPSG 代码或名称搜索，如 4525 或 zone 37</translation>
    </message>
</context>
<context>
    <name>app::EditCommand</name>
    <message>
        <source>Mark 1 parcel idle</source>
        <translation>将 1 个地块标记为闲置</translation>
    </message>
    <message>
        <source>Mark %1 parcels idle</source>
        <translation>将 %1 个地块标记为闲置</translation>
    </message>
    <message>
        <source>Mark 1 parcel in use</source>
        <translation>将 1 个地块标记为在用</translation>
    </message>
    <message>
        <source>Mark %1 parcels in use</source>
        <translation>将 %1 个地块标记为在用</translation>
    </message>
    <message>
        <source>Add transfer record %1 for parcel %2</source>
        <translation>为地块 %2 添加流转记录 %1</translation>
    </message>
    <message>
        <source>Edit transfer record %1 for parcel %2</source>
        <translation>修改地块 %2 的流转记录 %1</translation>
    </message>
    <message>
        <source>End transfer record %1 on %2</source>
        <translation>于 %2 终止流转记录 %1</translation>
    </message>
    <message>
        <source>Set %1 assets to %2</source>
        <translation>将 %1 项资产设为%2</translation>
    </message>
    <message>
        <source>Set asset %1 to %2</source>
        <translation>将资产 %1 设为%2</translation>
    </message>
</context>
<context>
    <name>app::EditController</name>
    <message>
        <source>The project is not open for editing.</source>
        <translation>项目未处于编辑状态。</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>未保存的编辑</translation>
    </message>
    <message numerus="yes">
        <source>The project has %n unsaved edit(s).</source>
        <translation>
            <numerusform>项目有 %n 处编辑尚未保存。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save them to the project, discard them, or go back?</source>
        <translation>保存到项目、放弃这些编辑，还是返回？</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Nothing was saved; the edits are still pending.

%1</source>
        <translation>未保存任何内容，编辑仍待保存。

%1</translation>
    </message>
</context>
<context>
    <name>app::GeoText</name>
    <message>
        <source>no .cpg file</source>
        <translation>没有 .cpg 文件</translation>
    </message>
    <message>
        <source>.cpg says %1, i.e. %2</source>
        <translation>.cpg 文件写的是 %1，即 %2</translation>
    </message>
    <message>
        <source>.cpg says %1</source>
        <translation>.cpg 文件写的是 %1</translation>
    </message>
    <message>
        <source>DBF language byte %1 means code page %2</source>
        <translation>DBF 语言标识字节 %1 表示代码页 %2</translation>
    </message>
    <message>
        <source>DBF language byte %1 means %2</source>
        <translation>DBF 语言标识字节 %1 表示 %2</translation>
    </message>
    <message>
        <source>DBF language byte is %1 (not set)</source>
        <translation>DBF 语言标识字节为 %1（未设置）</translation>
    </message>
    <message>
        <source>sampled %1 of %2 DBF records: %3 of %4 text values and %5 of %6 field names have non-ASCII bytes</source>
        <translation>抽样检查了 %2 条 DBF 记录中的 %1 条：%4 个文本值中有 %3 个、%6 个字段名中有 %5 个含非 ASCII 字节</translation>
    </message>
    <message>
        <source>%1 of them are valid GB18030 but not UTF-8</source>
        <translation>其中 %1 个是有效的 GB18030，但不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>%1 of them are valid UTF-8 but not GB18030</source>
        <translation>其中 %1 个是有效的 UTF-8，但不是有效的 GB18030</translation>
    </message>
    <message>
        <source>%1 of them are valid as both UTF-8 and GB18030</source>
        <translation>其中 %1 个既是有效的 UTF-8，也是有效的 GB18030</translation>
    </message>
    <message>
        <source>%1 of them are valid as neither UTF-8 nor GB18030</source>
        <translation>其中 %1 个既不是有效的 UTF-8，也不是有效的 GB18030</translation>
    </message>
    <message>
        <source>no byte-order mark</source>
        <translation>没有字节顺序标记（BOM）</translation>
    </message>
    <message>
        <source>read all %1 lines: %2 have non-ASCII bytes</source>
        <translation>读取了全部 %1 行：%2 行含非 ASCII 字节</translation>
    </message>
    <message>
        <source>.%1 files hold UTF-8 text by definition</source>
        <translation>.%1 文件按规定使用 UTF-8 文本</translation>
    </message>
    <message>
        <source>ASCII text is valid UTF-8</source>
        <translation>ASCII 文本也是有效的 UTF-8</translation>
    </message>
    <message>
        <source>The .prj is %1 in PROJ&apos;s database, and the coordinates lie in its area of use.</source>
        <translation>.prj 文件在 PROJ 数据库中对应 %1，且坐标位于其适用范围内。</translation>
    </message>
    <message>
        <source>The eastings start with %1, the number of %2-degree Gauss-Kruger zone %1 (3-degree zones are 25-45, 6-degree zones 13-23, so the prefix is unambiguous): %3. The datum is assumed to be CGCS2000.</source>
        <translation>横坐标以 %1 开头，即 %2 度带高斯-克吕格第 %1 带（3 度带为 25–45 带，6 度带为 13–23 带，因此带号前缀不会混淆）：%3。大地基准按 CGCS2000 处理。</translation>
    </message>
    <message>
        <source>The eastings start with %1, the number of %2-degree Gauss-Kruger zone %1 (3-degree zones are 25-45, 6-degree zones 13-23, so the prefix is unambiguous): %3. The datum comes from the .prj, which lacks the zone.</source>
        <translation>横坐标以 %1 开头，即 %2 度带高斯-克吕格第 %1 带（3 度带为 25–45 带，6 度带为 13–23 带，因此带号前缀不会混淆）：%3。大地基准取自 .prj 文件（其中缺少带号）。</translation>
    </message>
    <message>
        <source>The eastings have 6 digits, so the zone&apos;s central meridian is not in the coordinates; it is taken from the project&apos;s reference layer, %1.</source>
        <translation>横坐标只有 6 位，坐标中不含带号（中央经线）；因此沿用项目中参考图层的坐标系 %1。</translation>
    </message>
    <message>
        <source>%1 is on the %2 datum, and PROJ knows no datum shift from it to %3: reprojected data may be off by tens of metres or more. Ask the surveyor for the official conversion parameters if positions must be exact.</source>
        <translation>%1 采用 %2 大地基准，PROJ 中没有从它到 %3 的基准转换参数：转换后的位置可能偏差数十米甚至更多。如需精确位置，请向测绘单位索取官方转换参数。</translation>
    </message>
    <message>
        <source>The project has no DEM, so rules on slope and elevation were skipped; import one with the import wizard.</source>
        <translation>项目中没有高程数据（DEM），因此跳过了坡度和高程规则；请用导入向导导入 DEM。</translation>
    </message>
    <message>
        <source>The project has no rivers, so rules on river distance were skipped; import them with the import wizard.</source>
        <translation>项目中没有河流，因此跳过了距河流距离的规则；请用导入向导导入河流。</translation>
    </message>
    <message>
        <source>The project has no parcels yet, so the ledger&apos;s parcel ids were not checked; import the parcels first.</source>
        <translation>项目中还没有地块，因此未核对台账中的地块编码；请先导入地块。</translation>
    </message>
    <message>
        <source>The project has no villages yet, so parcels outside every village were not checked.</source>
        <translation>项目中还没有村界，因此未检查不在任何村范围内的地块。</translation>
    </message>
    <message>
        <source>by location, agrees with ZLDWDM</source>
        <translation>按位置，与坐落单位代码 ZLDWDM 一致</translation>
    </message>
    <message>
        <source>by location (no ZLDWDM)</source>
        <translation>按位置（无坐落单位代码 ZLDWDM）</translation>
    </message>
    <message>
        <source>by location; ZLDWDM %1 disagrees</source>
        <translation>按位置；坐落单位代码 ZLDWDM %1 与之不符</translation>
    </message>
    <message>
        <source>by ZLDWDM; its location is in %1</source>
        <translation>按坐落单位代码 ZLDWDM；其位置在 %1</translation>
    </message>
    <message>
        <source>by ZLDWDM (the parcel lies in no village)</source>
        <translation>按坐落单位代码 ZLDWDM（地块不在任何村内）</translation>
    </message>
    <message>
        <source>no village: outside every village and no known ZLDWDM</source>
        <translation>无所属村：不在任何村内，且坐落单位代码未知</translation>
    </message>
    <message>
        <source>flag %1=%2</source>
        <translation>标记 %1=%2</translation>
    </message>
    <message>
        <source>land use %1</source>
        <translation>地类 %1</translation>
    </message>
    <message>
        <source>marked by hand</source>
        <translation>手工标记</translation>
    </message>
    <message>
        <source>contract %1 covers %2 to %3</source>
        <translation>合同 %1 有效期 %2 至 %3</translation>
    </message>
    <message>
        <source>contract %1 ended %2</source>
        <translation>合同 %1 已于 %2 到期</translation>
    </message>
    <message>
        <source>contract %1 starts %2</source>
        <translation>合同 %1 自 %2 起生效</translation>
    </message>
    <message>
        <source>edited by hand: contract %1 covers %2 to %3</source>
        <translation>手工编辑：合同 %1 有效期 %2 至 %3</translation>
    </message>
    <message>
        <source>edited by hand: no contract covers %1</source>
        <translation>手工编辑：%1 无有效合同</translation>
    </message>
    <message>
        <source>No river has %1 of at least %2, so rules on river distance were skipped; lower the rule file&apos;s river grade or import the main rivers.</source>
        <translation>没有 %1 不低于 %2 的河流，已跳过河流距离规则；请在规则文件中降低河流等级，或导入主要河流。</translation>
    </message>
    <message>
        <source>The rivers have no %1 field, so every river counts, not only those with %2 of at least %3.</source>
        <translation>河流图层没有 %1 字段，因此所有河流都参与计算，而不只是 %2 不低于 %3 的河流。</translation>
    </message>
    <message>
        <source>reading the project</source>
        <translation>读取项目</translation>
    </message>
    <message>
        <source>terrain statistics</source>
        <translation>地形统计</translation>
    </message>
    <message>
        <source>villages</source>
        <translation>村庄归属</translation>
    </message>
    <message>
        <source>zones</source>
        <translation>划分区域</translation>
    </message>
    <message>
        <source>idle three-assets and transfers</source>
        <translation>闲置三资与流转</translation>
    </message>
    <message>
        <source>saving the results</source>
        <translation>保存结果</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>The asset ledger has no field %1 (the rule file&apos;s idle.asset_status_field), so no asset counts as idle; its fields are %2.</source>
        <translation>资产台账没有字段 %1（规则文件的 idle.asset_status_field），因此没有资产计为闲置；台账的字段有 %2。</translation>
    </message>
    <message>
        <source>The funds table has no field %1 (the rule file&apos;s idle.fund_idle_field), so no village has idle funds; its fields are %2.</source>
        <translation>资金表没有字段 %1（规则文件的 idle.fund_idle_field），因此没有村计入闲置资金；资金表的字段有 %2。</translation>
    </message>
    <message>
        <source>%1; repaired with MakeValid</source>
        <translation>%1；已用 MakeValid 修复</translation>
    </message>
    <message>
        <source>%1; MakeValid could not repair it</source>
        <translation>%1；MakeValid 无法修复</translation>
    </message>
    <message>
        <source>%1; its curves were replaced by straight segments</source>
        <translation>%1；其曲线已改为直线段</translation>
    </message>
    <message>
        <source>its curves were replaced by straight segments</source>
        <translation>其曲线已改为直线段</translation>
    </message>
    <message>
        <source>the feature has no geometry</source>
        <translation>要素没有几何图形</translation>
    </message>
    <message>
        <source>a %1 where polygons are expected</source>
        <translation>此处应为面，实为 %1</translation>
    </message>
    <message>
        <source>a %1 where lines are expected</source>
        <translation>此处应为线，实为 %1</translation>
    </message>
    <message>
        <source>a %1 where points are expected</source>
        <translation>此处应为点，实为 %1</translation>
    </message>
    <message>
        <source>a %1 where lines or polygons are expected</source>
        <translation>此处应为线或面，实为 %1</translation>
    </message>
    <message>
        <source>invalid geometry</source>
        <translation>几何图形无效</translation>
    </message>
    <message>
        <source>Self-intersection at or near point %1 %2</source>
        <translation>在点 %1 %2 处或附近自相交</translation>
    </message>
    <message>
        <source>Ring self-intersection at or near point %1 %2</source>
        <translation>环在点 %1 %2 处或附近自相交</translation>
    </message>
    <message>
        <source>Too few points in a geometry component at or near point %1 %2</source>
        <translation>在点 %1 %2 处或附近的几何部件点数太少</translation>
    </message>
    <message>
        <source>A hole lies outside its shell at or near point %1 %2</source>
        <translation>在点 %1 %2 处或附近有洞位于外环之外</translation>
    </message>
    <message>
        <source>The interior is disconnected at or near point %1 %2</source>
        <translation>在点 %1 %2 处或附近内部不连通</translation>
    </message>
    <message>
        <source>Nested shells at or near point %1 %2</source>
        <translation>在点 %1 %2 处或附近外环相互嵌套</translation>
    </message>
    <message>
        <source>Duplicate rings at or near point %1 %2</source>
        <translation>在点 %1 %2 处或附近有重复的环</translation>
    </message>
    <message>
        <source>its coordinates cannot be converted to the project CRS</source>
        <translation>其坐标无法转换到项目坐标系</translation>
    </message>
    <message>
        <source>same geometry and id as record %1</source>
        <translation>几何图形和编号与第 %1 条记录相同</translation>
    </message>
    <message>
        <source>a needle or crumb of under 1 m² or very thin</source>
        <translation>针状或碎屑图斑：面积不足 1 平方米或极细</translation>
    </message>
    <message>
        <source>the parcel lies in no village of the project</source>
        <translation>地块不在项目的任何村界内</translation>
    </message>
    <message>
        <source>overlaps record %1 (%2) by %3 m²</source>
        <translation>与第 %1 条记录（%2）重叠 %3 平方米</translation>
    </message>
    <message>
        <source>%1 is garbled text (&quot;%2&quot;); left empty</source>
        <translation>%1 是乱码（“%2”），已留空</translation>
    </message>
    <message>
        <source>The project was classified with asset statuses from %1 (the rule file&apos;s idle.asset_status_field), and tianmu records a status in ZT: classify with a rule file that reads ZT first.</source>
        <translation>本项目分类时的资产状态取自 %1（规则文件的 idle.asset_status_field），而田亩将状态记录在 ZT：请先用读取 ZT 的规则文件重新分类。</translation>
    </message>
    <message>
        <source>The status (ZT) of %1 is required: one of %2.</source>
        <translation>%1 的状态（ZT）不能为空：可选 %2。</translation>
    </message>
    <message>
        <source>The status of %1 must be one of %2 (not &apos;%3&apos;).</source>
        <translation>%1 的状态必须是 %2 之一（不能是“%3”）。</translation>
    </message>
    <message>
        <source>No asset is selected.</source>
        <translation>未选择资产。</translation>
    </message>
    <message>
        <source>No asset of the project has FID %1.</source>
        <translation>项目中没有 FID 为 %1 的资产。</translation>
    </message>
    <message>
        <source>assets %1</source>
        <translation>资产 %1</translation>
    </message>
    <message>
        <source>asset %1</source>
        <translation>资产 %1</translation>
    </message>
    <message>
        <source>%1 had %2 features; this import replaces them</source>
        <translation>%1原有 %2 个要素，本次导入将替换它们</translation>
    </message>
    <message>
        <source>The classification (rules %1, as of %2) described the parcels this import replaces, so it was removed with its tables and QGIS views; classify the project again</source>
        <translation>原有分类结果（规则 %1，截至 %2）针对的是本次导入所替换的地块，已连同其结果表和 QGIS 视图一并删除；请重新分类</translation>
    </message>
    <message>
        <source>The classification (rules %1, as of %2) was made before this import of %3; classify the project again to bring zones, idle items and transfers up to date</source>
        <translation>现有分类结果（规则 %1，截至 %2）早于本次导入的%3；请重新分类，以更新分区、闲置资源和流转信息</translation>
    </message>
    <message>
        <source>parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>rivers</source>
        <translation>河流</translation>
    </message>
    <message>
        <source>the DEM</source>
        <translation>高程（DEM）</translation>
    </message>
    <message>
        <source>the asset ledger</source>
        <translation>资产台账</translation>
    </message>
    <message>
        <source>the transfer ledger</source>
        <translation>土地流转台账</translation>
    </message>
    <message>
        <source>the funds table</source>
        <translation>资金台账</translation>
    </message>
    <message>
        <source>village boundaries</source>
        <translation>村界</translation>
    </message>
    <message>
        <source>%1; and %2</source>
        <translation>%1；且%2</translation>
    </message>
    <message>
        <source>every test holds</source>
        <translation>各项条件均满足</translation>
    </message>
    <message>
        <source>land use %1 is not in the rule&apos;s list</source>
        <translation>地类 %1 不在本规则所列地类中</translation>
    </message>
    <message>
        <source>land use %1 is excluded (%2)</source>
        <translation>地类 %1 被本规则排除（%2）</translation>
    </message>
    <message>
        <source>no data for the %1</source>
        <translation>缺少%1数据</translation>
    </message>
    <message>
        <source>%1 %2 %3 is not %4</source>
        <translation>%1为 %2 %3，要求%4</translation>
    </message>
    <message>
        <source>area %1 m² is not %2</source>
        <translation>面积为 %1 m²，要求%2</translation>
    </message>
    <message>
        <source>none of the alternatives holds: %1</source>
        <translation>各备选条件均不满足：%1</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, not %3 %4</source>
        <translation>%1 为“%2”，要求 %3 %4</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>不低于 %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>不超过 %1</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>介于 %1 与 %2 之间</translation>
    </message>
    <message>
        <source>distance to the nearest river</source>
        <translation>距最近河流的距离</translation>
    </message>
    <message>
        <source>mean slope</source>
        <translation>平均坡度</translation>
    </message>
    <message>
        <source>mean elevation</source>
        <translation>平均高程</translation>
    </message>
    <message>
        <source>elevation above the village&apos;s lowest point</source>
        <translation>高于本村最低点的高程</translation>
    </message>
    <message>
        <source>height above the nearest river</source>
        <translation>高于最近河流的高度</translation>
    </message>
    <message>
        <source>The project has no roads, so village types on the distance to a main road were skipped; import them with the import wizard.</source>
        <translation>项目中没有道路，已跳过按到主要道路距离判定的村分型；请用导入向导导入道路。</translation>
    </message>
    <message>
        <source>No road has %1 %2, so village types on the distance to a main road were skipped; name the main grades in the rule file&apos;s roads.</source>
        <translation>没有 %1 为 %2 的道路，已跳过按到主要道路距离判定的村分型；请在规则文件的 roads 中写明主要道路等级。</translation>
    </message>
    <message>
        <source>The roads have no %1 field, so every road counts as a main road, not only %2.</source>
        <translation>道路没有 %1 字段，所有道路都按主要道路计算，而不仅是 %2。</translation>
    </message>
    <message>
        <source>The project has no township seats, so village types on the distance to the township seat were skipped; import them with the import wizard.</source>
        <translation>项目中没有乡镇驻地，已跳过按到乡镇驻地距离判定的村分型；请用导入向导导入乡镇驻地。</translation>
    </message>
    <message>
        <source>the main roads</source>
        <translation>主要道路</translation>
    </message>
    <message>
        <source>the township seats</source>
        <translation>乡镇驻地</translation>
    </message>
    <message>
        <source>%1 %2 亩 is not %3</source>
        <translation>%1为 %2 亩，要求%3</translation>
    </message>
    <message>
        <source>%1 %2 亩 is %3</source>
        <translation>%1为 %2 亩，%3</translation>
    </message>
    <message>
        <source>%1 %2 m is not %3</source>
        <translation>%1为 %2 米，要求%3</translation>
    </message>
    <message>
        <source>%1 %2 m is %3</source>
        <translation>%1为 %2 米，%3</translation>
    </message>
    <message>
        <source>%1 %2 is not %3</source>
        <translation>%1为 %2，要求%3</translation>
    </message>
    <message>
        <source>%1 %2 is %3</source>
        <translation>%1为 %2，%3</translation>
    </message>
    <message>
        <source>the type has no tests</source>
        <translation>该类型没有判定条件</translation>
    </message>
    <message>
        <source>idle resource area per household</source>
        <translation>户均闲置资源面积</translation>
    </message>
    <message>
        <source>idle resource area</source>
        <translation>闲置资源面积</translation>
    </message>
    <message>
        <source>distance from the village centre to the nearest river</source>
        <translation>村中心到最近河流的距离</translation>
    </message>
    <message>
        <source>distance from the village centre to the nearest main road</source>
        <translation>村中心到最近主要道路的距离</translation>
    </message>
    <message>
        <source>distance from the village centre to the township seat</source>
        <translation>村中心到乡镇驻地的距离</translation>
    </message>
    <message>
        <source>share of orchards, tea and ponds</source>
        <translation>园地与坑塘面积占比</translation>
    </message>
</context>
<context>
    <name>app::IdentifyPanel</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the table as tab-separated text (pastes into Excel or WPS)</source>
        <translation>将表格复制为制表符分隔的文本（可粘贴到 Excel 或 WPS）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>%1 cannot be opened as a project.</source>
        <translation>无法将 %1 作为项目打开。</translation>
    </message>
    <message>
        <source>No parcel %1 in this project (%2).</source>
        <translation>本项目中没有地块 %1（%2）。</translation>
    </message>
    <message>
        <source>Parcel %1 cannot be read: %2</source>
        <translation>无法读取地块 %1：%2</translation>
    </message>
    <message>
        <source>Parcel %1 (FID %2)</source>
        <translation>地块 %1（FID %2）</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>%1 亩 = %2 公顷 = %3 m²</source>
        <translation>%1 亩 = %2 公顷 = %3 平方米</translation>
    </message>
    <message>
        <source>Ellipsoidal area</source>
        <translation>椭球面积</translation>
    </message>
    <message>
        <source>Planar (Gauss-Kruger) area</source>
        <translation>平面面积（高斯-克吕格）</translation>
    </message>
    <message>
        <source>Surveyed area (TBMJ)</source>
        <translation>图斑面积（TBMJ）</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类结果</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>not classified yet: run Classify</source>
        <translation>尚未分类：请运行“地块分类”</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>闲置</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source> (unsaved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <source>transferred (%1, contract %2)</source>
        <translation>已流转（%1，合同 %2）</translation>
    </message>
    <message>
        <source>not transferred</source>
        <translation>未流转</translation>
    </message>
    <message>
        <source>Transfer records (%1)</source>
        <translation>流转记录（%1）</translation>
    </message>
    <message>
        <source> (unsaved edits)</source>
        <translation>（有未保存的编辑）</translation>
    </message>
    <message>
        <source>%1, %2 to %3, %4 亩, %5 → %6</source>
        <translation>%1，%2 至 %3，%4 亩，%5 → %6</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>No asset %1 in this project (%2).</source>
        <translation>本项目中没有资产 %1（%2）。</translation>
    </message>
    <message>
        <source>Asset %1 cannot be read: %2</source>
        <translation>无法读取资产 %1：%2</translation>
    </message>
    <message>
        <source>Asset %1 (FID %2)</source>
        <translation>资产 %1（要素号 %2）</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>%1 元</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>Changes recorded (%1)</source>
        <translation>变更记录（%1）</translation>
    </message>
    <message>
        <source>%1: %2 %3 → %4</source>
        <translation>%1：%2 %3 → %4</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Rules tried, in order (the first that holds decides)</source>
        <translation>逐条试用的规则（按顺序，第一条符合的规则决定）</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>the rule file of the classification is not on this computer; tianmu explain shows the chain with a rule file you name</source>
        <translation>本机找不到分类所用的规则文件；可用 tianmu explain 指定规则文件查看判定过程</translation>
    </message>
    <message>
        <source>holds: it decides the zone</source>
        <translation>符合：由它决定分区</translation>
    </message>
    <message>
        <source>does not hold: %1</source>
        <translation>不符合：%1</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>跳过：%1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>the rule file changed after the classification: by the file as it is now, %1 decides, but the stored zone came from %2; classify again</source>
        <translation>规则文件在分类之后已修改：按现在的文件由 %1 决定，但保存的分区来自 %2；请重新分类</translation>
    </message>
    <message>
        <source>no rule</source>
        <translation>没有规则</translation>
    </message>
    <message>
        <source>Village type of %1 (every type in order; the first that holds is the primary)</source>
        <translation>%1的村庄类型（逐类判定，第一个符合的为主要类型）</translation>
    </message>
    <message>
        <source>none: no type holds</source>
        <translation>无：没有符合的类型</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>村庄类型</translation>
    </message>
    <message>
        <source>the rule file of the classification is not on this computer; tianmu explain --village shows the types with a rule file you name</source>
        <translation>本机没有分类所用的规则文件；可用 tianmu explain --village 指定规则文件查看判定过程</translation>
    </message>
    <message>
        <source>holds: %1</source>
        <translation>符合：%1</translation>
    </message>
    <message>
        <source>the rule file changed after the classification: the stored types differ from what it gives now; classify again</source>
        <translation>分类之后规则文件已修改：按现在的规则得出的村庄类型与已存结果不同，请重新分类</translation>
    </message>
    <message>
        <source>Click a parcel, an asset or a village on the map to identify it.</source>
        <translation>在地图上点击地块、资产或村庄进行识别。</translation>
    </message>
    <message>
        <source>%1 亩</source>
        <translation>%1 亩</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>unknown: the layer is missing</source>
        <translation>未知：项目缺少该图层</translation>
    </message>
    <message>
        <source>Village figures (from the classification)</source>
        <translation>村庄指标（来自分类结果）</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>地块数</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Idle land</source>
        <translation>闲置土地</translation>
    </message>
    <message>
        <source>Transferred land</source>
        <translation>流转土地</translation>
    </message>
    <message>
        <source>Orchards, tea and ponds</source>
        <translation>园地、茶园和坑塘占比</translation>
    </message>
    <message>
        <source>Centre to the nearest river</source>
        <translation>村中心到最近河流</translation>
    </message>
    <message>
        <source>Centre to the nearest main road</source>
        <translation>村中心到最近主要道路</translation>
    </message>
    <message>
        <source>Centre to the township seat</source>
        <translation>村中心到乡镇驻地</translation>
    </message>
    <message>
        <source>Zone %1</source>
        <translation>%1区</translation>
    </message>
    <message>
        <source>Village %1 (%2)</source>
        <translation>村庄 %1（%2）</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村庄</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
</context>
<context>
    <name>app::ImportFilesPage</name>
    <message>
        <source>reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>Choose survey files</source>
        <translation>选择调查数据文件</translation>
    </message>
    <message>
        <source>Survey data (*.shp *.gpkg *.geojson *.json *.fgb *.gdb *.csv *.xlsx *.tif *.tiff);;All files (*)</source>
        <translation>调查数据 (*.shp *.gpkg *.geojson *.json *.fgb *.gdb *.csv *.xlsx *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Project to import into</source>
        <translation>导入到的项目</translation>
    </message>
    <message>
        <source>tianmu project (*.gpkg)</source>
        <translation>田亩项目 (*.gpkg)</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>Choose the surveyor&apos;s files, or drop them here. Several files can be imported at once; tianmu checks each one on the next page.</source>
        <translation>选择测绘单位提交的文件，或将文件拖放到这里。可一次导入多个文件；下一页将逐个检查。</translation>
    </message>
    <message>
        <source>Project (a new file is created by the first import):</source>
        <translation>项目（不存在时由第一次导入新建）：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Shapefiles (.shp with its .dbf, .shx and, if there is one, .prj and .cpg), GeoPackage, GeoJSON, FlatGeobuf, CSV or XLSX ledgers, and GeoTIFF elevation models.</source>
        <translation>支持 Shapefile（.shp 及其 .dbf、.shx，以及可能有的 .prj 和 .cpg）、GeoPackage、GeoJSON、FlatGeobuf、CSV 或 XLSX 台账，以及 GeoTIFF 高程模型。</translation>
    </message>
    <message>
        <source>%1 (replaces the project&apos;s DEM)</source>
        <translation>%1（替换项目现有的高程）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (replaces its %n feature(s) and removes the classification)</source>
        <translation>
            <numerusform>%1（替换现有 %n 个要素，并删除分类结果）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (replaces its %n feature(s))</source>
        <translation>
            <numerusform>%1（替换现有 %n 个要素）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::ImportPlan</name>
    <message>
        <source>Villages</source>
        <translation>村界</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Rivers</source>
        <translation>河流</translation>
    </message>
    <message>
        <source>Elevation (DEM)</source>
        <translation>高程（DEM）</translation>
    </message>
    <message>
        <source>Assets ledger</source>
        <translation>资产台账</translation>
    </message>
    <message>
        <source>Land transfer ledger</source>
        <translation>土地流转台账</translation>
    </message>
    <message>
        <source>Funds ledger</source>
        <translation>资金台账</translation>
    </message>
    <message>
        <source>empty geometry</source>
        <translation>空几何</translation>
    </message>
    <message>
        <source>invalid geometry</source>
        <translation>无效几何</translation>
    </message>
    <message>
        <source>wrong geometry type</source>
        <translation>几何类型不符</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>sliver</source>
        <translation>细碎图斑</translation>
    </message>
    <message>
        <source>overlap with a neighbour</source>
        <translation>与相邻图斑重叠</translation>
    </message>
    <message>
        <source>outside every village</source>
        <translation>不在任何村范围内</translation>
    </message>
    <message>
        <source>bad coordinates</source>
        <translation>坐标错误</translation>
    </message>
    <message>
        <source>bad date</source>
        <translation>日期错误</translation>
    </message>
    <message>
        <source>bad dates</source>
        <translation>日期错误</translation>
    </message>
    <message>
        <source>bad number</source>
        <translation>数值错误</translation>
    </message>
    <message>
        <source>missing value</source>
        <translation>缺少数值</translation>
    </message>
    <message>
        <source>garbled text</source>
        <translation>乱码</translation>
    </message>
    <message>
        <source>no such parcel</source>
        <translation>找不到对应地块</translation>
    </message>
    <message>
        <source>unknown transfer mode</source>
        <translation>未知流转方式</translation>
    </message>
    <message>
        <source>repaired</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>curves made straight</source>
        <translation>曲线已改为折线</translation>
    </message>
    <message>
        <source>Main roads</source>
        <translation>主要道路</translation>
    </message>
    <message>
        <source>Township seats</source>
        <translation>乡镇驻地</translation>
    </message>
</context>
<context>
    <name>app::ImportRunPage</name>
    <message>
        <source>Cancelling: the file being imported is rolled back…</source>
        <translation>正在取消：正在导入的文件将被回滚…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Nothing to import: choose a project and files first.</source>
        <translation>没有可导入的内容：请先选择项目和文件。</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>cancelled: nothing of it was imported</source>
        <translation>已取消：此文件未导入任何内容</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>编码 %1</translation>
    </message>
    <message>
        <source>CRS EPSG:%1</source>
        <translation>坐标系 EPSG:%1</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>映射方案 %1</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>第 %1 条记录</translation>
    </message>
    <message>
        <source>%1 imported, %2 failed, %3 cancelled or not started. Files that were not imported left the project as it was.</source>
        <translation>已导入 %1 个，失败 %2 个，取消或未开始 %3 个。未导入的文件没有改动项目。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>The files are imported one by one, each in one transaction: a file is either imported completely or not at all.</source>
        <translation>文件逐个导入，每个文件在一个事务中完成：要么全部导入，要么完全不导入。</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Import report:</source>
        <translation>导入报告：</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Count / id</source>
        <translation>数量 / 编号</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Every file was imported (%1). The report is saved in the project (tables tianmu_imports and import_issues).</source>
        <translation>全部文件已导入（%1 个）。导入报告已保存到项目中（tianmu_imports 和 import_issues 表）。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>保存导入报告</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>The report could not be saved</source>
        <translation>无法保存报告</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
</context>
<context>
    <name>app::ImportSourcePage</name>
    <message>
        <source>your choice</source>
        <translation>您的选择</translation>
    </message>
    <message>
        <source>the .cpg file</source>
        <translation>.cpg 文件</translation>
    </message>
    <message>
        <source>the DBF language byte</source>
        <translation>DBF 语言标识字节</translation>
    </message>
    <message>
        <source>checking the bytes of the text</source>
        <translation>检查文本字节</translation>
    </message>
    <message>
        <source>the default for Chinese data</source>
        <translation>中文数据的默认编码</translation>
    </message>
    <message>
        <source>the file format</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>the .prj file</source>
        <translation>.prj 文件</translation>
    </message>
    <message>
        <source>the coordinates</source>
        <translation>坐标范围</translation>
    </message>
    <message>
        <source>the layers already in the project</source>
        <translation>项目中已有的图层</translation>
    </message>
    <message>
        <source>nothing: it is unknown</source>
        <translation>无法判断</translation>
    </message>
    <message>
        <source>No files chosen.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>This file cannot be read: %1</source>
        <translation>无法读取此文件：%1</translation>
    </message>
    <message>
        <source>An elevation raster: its coordinate system is decided when it is imported; it has no attributes to decode or map.</source>
        <translation>这是高程栅格：坐标系在导入时确定；它没有需要解码或映射的属性。</translation>
    </message>
    <message>
        <source>%1: %2 features (%3), %4 fields.</source>
        <translation>%1：%2 个要素（%3），%4 个字段。</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Automatic (detected: %1)</source>
        <translation>自动（检测结果：%1）</translation>
    </message>
    <message>
        <source>Detected %1, decided by %2.</source>
        <translation>检测为 %1，依据：%2。</translation>
    </message>
    <message>
        <source>The raster&apos;s coordinate system is read when it is imported. Pick one below only if the file has none or a wrong one.</source>
        <translation>栅格的坐标系在导入时读取。只有文件缺少坐标系或坐标系有误时，才需要在下面选择。</translation>
    </message>
    <message>
        <source>This file has no geometry: no coordinate system is needed.</source>
        <translation>此文件没有几何图形，不需要坐标系。</translation>
    </message>
    <message>
        <source>The coordinate system could not be decided: %1
Pick it below.</source>
        <translation>无法确定坐标系：%1
请在下面选择。</translation>
    </message>
    <message>
        <source>Detected EPSG:%1 %2, decided by %3: %4</source>
        <translation>检测为 EPSG:%1 %2，依据 %3：%4</translation>
    </message>
    <message>
        <source>This was inferred from the coordinates: please confirm it, or pick the right one below.</source>
        <translation>这是根据坐标推断的：请确认，或在下面选择正确的坐标系。</translation>
    </message>
    <message>
        <source>You chose EPSG:%1; it replaces the detected one.</source>
        <translation>您选择了 EPSG:%1，将代替检测结果。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>, m²</source>
        <translation>，平方米</translation>
    </message>
    <message>
        <source>, mu</source>
        <translation>，亩</translation>
    </message>
    <message>
        <source>, ha</source>
        <translation>，公顷</translation>
    </message>
    <message>
        <source>%1 features: %2 with a valid geometry.</source>
        <translation>%1 个要素：%2 个几何图形有效。</translation>
    </message>
    <message>
        <source>%1 rows, no geometry.</source>
        <translation>%1 行，无几何图形。</translation>
    </message>
    <message>
        <source>• %1: %2 (repaired where possible, otherwise listed in the import report)</source>
        <translation>• %1：%2 个（能修复的将修复，否则列入导入报告）</translation>
    </message>
    <message>
        <source>%1 values of the preview look garbled with this encoding: try another.</source>
        <translation>用此编码，预览中有 %1 个值像是乱码：请换一种编码。</translation>
    </message>
    <message>
        <source>Required fields without a source: %1. The import will refuse this file.</source>
        <translation>必填字段没有对应的源字段：%1。导入时将拒绝此文件。</translation>
    </message>
    <message>
        <source>No field-mapping profile fits this layer.</source>
        <translation>没有适用于此图层的字段映射方案。</translation>
    </message>
    <message>
        <source>Nothing is dropped silently: every feature is imported, or listed in the import report with its reason.</source>
        <translation>不会悄悄丢弃任何数据：每个要素要么被导入，要么连同原因列入导入报告。</translation>
    </message>
    <message>
        <source>Check each file</source>
        <translation>逐个检查文件</translation>
    </message>
    <message>
        <source>tianmu has read each file and decided how to import it. Check the decisions and correct them where they are wrong.</source>
        <translation>田亩已读取每个文件并确定了导入方式。请检查这些判断，如有错误请更正。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Import as:</source>
        <translation>导入为：</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>Field mapping</source>
        <translation>字段映射</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Attribute encoding:</source>
        <translation>属性编码：</translation>
    </message>
    <message>
        <source>Preview of the first records, decoded with this encoding:</source>
        <translation>用此编码解码的前几条记录预览：</translation>
    </message>
    <message>
        <source>Coordinate system of the file:</source>
        <translation>文件的坐标系：</translation>
    </message>
    <message>
        <source>Mapping profile:</source>
        <translation>映射方案：</translation>
    </message>
    <message>
        <source>tianmu field (* required)</source>
        <translation>田亩字段（* 为必填）</translation>
    </message>
    <message>
        <source>Field in the file</source>
        <translation>文件中的字段</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>%1 is still being read.</source>
        <translation>%1 还在读取中。</translation>
    </message>
    <message>
        <source>%1 cannot be read: remove it on the previous page.</source>
        <translation>%1 无法读取：请在上一页移除它。</translation>
    </message>
    <message>
        <source>Pick the coordinate system of %1.</source>
        <translation>请选择 %1 的坐标系。</translation>
    </message>
    <message>
        <source>Confirm the coordinate system of %1, or pick the right one.</source>
        <translation>请确认 %1 的坐标系，或选择正确的坐标系。</translation>
    </message>
    <message>
        <source>I have checked: this is the file&apos;s coordinate system</source>
        <translation>我已核对：这就是该文件的坐标系</translation>
    </message>
    <message>
        <source>Every field of the file has a tianmu field.</source>
        <translation>文件中的每个字段都有对应的田亩字段。</translation>
    </message>
    <message>
        <source>Kept under their own names: %1</source>
        <translation>按原名保留的字段：%1</translation>
    </message>
    <message>
        <source>%1 values of the file already look garbled with the detected encoding (the surveyor&apos;s data may be damaged): they will be left empty and listed in the import report.</source>
        <translation>用检测到的编码，文件中已有 %1 个值像是乱码（测绘单位的数据可能已损坏）：这些值将留空，并列入导入报告。</translation>
    </message>
</context>
<context>
    <name>app::ImportWizard</name>
    <message>
        <source>Import survey data</source>
        <translation>导入调查数据</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>app::LayerPanel</name>
    <message>
        <source>&lt;b&gt;Layers&lt;/b&gt;</source>
        <translation>&lt;b&gt;图层&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Rivers</source>
        <translation>河流</translation>
    </message>
    <message>
        <source>Village boundaries</source>
        <translation>村界</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Parcel opacity</source>
        <translation>地块不透明度</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <source>Development zone</source>
        <translation>发展分区</translation>
    </message>
    <message>
        <source>Land use</source>
        <translation>土地利用现状</translation>
    </message>
    <message>
        <source>Transfer mode</source>
        <translation>流转方式</translation>
    </message>
    <message>
        <source>Idle status</source>
        <translation>闲置状态</translation>
    </message>
    <message>
        <source>Village type</source>
        <translation>村庄类型</translation>
    </message>
    <message>
        <source>&lt;b&gt;Show only&lt;/b&gt;</source>
        <translation>&lt;b&gt;仅显示&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Idle parcels</source>
        <translation>闲置地块</translation>
    </message>
    <message>
        <source>Transferred parcels</source>
        <translation>已流转地块</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Relief (from the DEM)</source>
        <translation>地形晕渲（来自 DEM）</translation>
    </message>
    <message>
        <source>Shades slopes facing away from the north-west light</source>
        <translation>以西北方向光照为准，背光坡面加深显示</translation>
    </message>
    <message>
        <source>This project has no DEM: import one to see the relief</source>
        <translation>本项目没有 DEM：导入后即可显示地形晕渲</translation>
    </message>
    <message>
        <source>Basemap (none chosen)</source>
        <translation>底图（未选择）</translation>
    </message>
    <message>
        <source>Basemap: %1</source>
        <translation>底图：%1</translation>
    </message>
    <message>
        <source>Basemap…</source>
        <translation>底图…</translation>
    </message>
    <message>
        <source>Show a local raster under the map: an orthophoto (GeoTIFF, JPEG 2000) or MBTiles</source>
        <translation>在地图下方显示本地栅格：正射影像（GeoTIFF、JPEG 2000）或 MBTiles</translation>
    </message>
    <message>
        <source>Assets (三资 ledger)</source>
        <translation>资产（三资台账）</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>Township seats</source>
        <translation>乡镇驻地</translation>
    </message>
    <message>
        <source>Main and other roads; village types measure the distance to the main ones</source>
        <translation>主要道路及其他道路；村庄类型按到主要道路的距离判定</translation>
    </message>
    <message>
        <source>This project has no roads: import them with tianmu import --as roads</source>
        <translation>本项目没有道路：请用 tianmu import --as roads 导入</translation>
    </message>
    <message>
        <source>The township seats (乡镇驻地) with their names</source>
        <translation>乡镇驻地及其名称</translation>
    </message>
    <message>
        <source>This project has no township seats: import them with tianmu import --as seats</source>
        <translation>本项目没有乡镇驻地：请用 tianmu import --as seats 导入</translation>
    </message>
</context>
<context>
    <name>app::LegendPanel</name>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>地块数</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Assets (三资 ledger)</source>
        <translation>资产（三资台账）</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>闲置</translation>
    </message>
    <message>
        <source>leased</source>
        <translation>出租</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Roads and township seats</source>
        <translation>道路与乡镇驻地</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>Township seats (乡镇驻地)</source>
        <translation>乡镇驻地</translation>
    </message>
    <message>
        <source>Main roads (%1)</source>
        <translation>主要道路（%1）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Other roads</source>
        <translation>其他道路</translation>
    </message>
</context>
<context>
    <name>app::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>tianmu project (*.gpkg)</source>
        <translation>田亩项目 (*.gpkg)</translation>
    </message>
    <message>
        <source>Could not open the project: %1</source>
        <translation>无法打开项目：%1</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Opening %1: %2 %</source>
        <translation>正在打开 %1：%2%</translation>
    </message>
    <message>
        <source>About tianmu</source>
        <translation>关于田亩</translation>
    </message>
    <message>
        <source>tianmu (田亩) %1: land-transfer and three-assets planning for counties and villages.</source>
        <translation>田亩 %1：面向县、村的土地流转与“三资”规划软件。</translation>
    </message>
    <message>
        <source>tianmu</source>
        <translation>田亩</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom to &amp;full extent</source>
        <translation>缩放至全图(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>缩放至所选(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Previous view</source>
        <translation>上一视图(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next view</source>
        <translation>下一视图(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>平移(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Select parcels</source>
        <translation>选择地块(&amp;S)</translation>
    </message>
    <message>
        <source>Measure &amp;distance</source>
        <translation>量算距离(&amp;D)</translation>
    </message>
    <message>
        <source>Measure &amp;area</source>
        <translation>量算面积(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Import data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit this project</source>
        <translation>编辑本项目(&amp;E)</translation>
    </message>
    <message>
        <source>Mark selected parcels &amp;idle</source>
        <translation>将所选地块标记为闲置(&amp;I)</translation>
    </message>
    <message>
        <source>Mark selected parcels in &amp;use</source>
        <translation>将所选地块标记为在用(&amp;U)</translation>
    </message>
    <message>
        <source>Add a &amp;transfer record…</source>
        <translation>添加流转记录(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Save edits</source>
        <translation>保存编辑(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Classify…</source>
        <translation>地块分类(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>报表(&amp;R)…</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About tianmu</source>
        <translation>关于田亩(&amp;A)</translation>
    </message>
    <message>
        <source>Map tools</source>
        <translation>地图工具</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Area unit:</source>
        <translation>面积单位：</translation>
    </message>
    <message>
        <source>mu</source>
        <translation>亩</translation>
    </message>
    <message>
        <source>hectares</source>
        <translation>公顷</translation>
    </message>
    <message>
        <source>square metres</source>
        <translation>平方米</translation>
    </message>
    <message>
        <source>Find village or parcel id…</source>
        <translation>查找村名或地块编码…</translation>
    </message>
    <message>
        <source>%1 was not found</source>
        <translation>找不到 %1</translation>
    </message>
    <message>
        <source>%1 cannot be read (check its permissions)</source>
        <translation>无法读取 %1（请检查文件权限）</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>%1 parcels in %2 villages, opened in %3 s</source>
        <translation>%2 个村共 %1 个地块，打开用时 %3 秒</translation>
    </message>
    <message>
        <source>Scale 1:%1</source>
        <translation>比例尺 1:%1</translation>
    </message>
    <message>
        <source>Village %1 (%2)</source>
        <translation>村 %1（%2）</translation>
    </message>
    <message>
        <source>Parcel %1</source>
        <translation>地块 %1</translation>
    </message>
    <message>
        <source>Nothing called %1 in this project</source>
        <translation>本项目中找不到 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) saved</source>
        <translation>
            <numerusform>已保存 %n 处编辑</numerusform>
        </translation>
    </message>
    <message>
        <source>The project cannot be edited now</source>
        <translation>项目目前无法编辑</translation>
    </message>
    <message>
        <source>Editing %1: changes are kept until you save them (Ctrl+S)</source>
        <translation>正在编辑 %1：更改在保存（Ctrl+S）之前不会写入项目</translation>
    </message>
    <message>
        <source>The edits could not be saved</source>
        <translation>无法保存编辑</translation>
    </message>
    <message>
        <source>Choose a basemap</source>
        <translation>选择底图</translation>
    </message>
    <message>
        <source>Rasters (*.tif *.tiff *.jp2 *.mbtiles *.img *.vrt *.png *.jpg);;All files (*)</source>
        <translation>栅格文件 (*.tif *.tiff *.jp2 *.mbtiles *.img *.vrt *.png *.jpg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The basemap cannot be shown</source>
        <translation>无法显示底图</translation>
    </message>
    <message>
        <source>Basemap %1 shown under the map; lower the parcel opacity to see it through the parcels</source>
        <translation>底图 %1 已显示在地图下方；调低图斑透明度即可透过图斑看到它</translation>
    </message>
    <message>
        <source>&amp;Copy identified details</source>
        <translation>复制识别信息(&amp;C)</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>识别</translation>
    </message>
    <message>
        <source>; the classification (as of %1) predates the import of %2: classify again</source>
        <translation>；现有分类结果（截至 %1）早于%2的导入：请重新分类</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; the rule file %1 was changed after the classification: classify again</source>
        <translation>；规则文件 %1 在分类之后已修改：请重新分类</translation>
    </message>
    <message>
        <source>&amp;Identify parcel, asset or village</source>
        <translation>识别地块、资产或村庄(&amp;I)</translation>
    </message>
</context>
<context>
    <name>app::MapCanvas</name>
    <message>
        <source>%1 m² · %2 mu · %3 ha</source>
        <translation>%1 平方米 · %2 亩 · %3 公顷</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 千米</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
</context>
<context>
    <name>app::ReportDialog</name>
    <message>
        <source>Make a report</source>
        <translation>生成报表</translation>
    </message>
    <message>
        <source>Land transfer areas</source>
        <translation>土地流转面积</translation>
    </message>
    <message>
        <source>Idle-resource ledger</source>
        <translation>闲置资源台账</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>差异核查</translation>
    </message>
    <message>
        <source>Expiring contracts</source>
        <translation>即将到期合同</translation>
    </message>
    <message>
        <source>Village atlas (PDF)</source>
        <translation>村级图集（PDF）</translation>
    </message>
    <message>
        <source>village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>transfer mode</source>
        <translation>流转方式</translation>
    </message>
    <message>
        <source>the classification&apos;s day</source>
        <translation>分类当日</translation>
    </message>
    <message>
        <source>ellipsoidal</source>
        <translation>椭球面积</translation>
    </message>
    <message>
        <source>surveyed (TBDLMJ)</source>
        <translation>图斑地类面积（TBDLMJ）</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Rows by</source>
        <translation>分组依据</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>统计日期</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>报表语言</translation>
    </message>
    <message>
        <source>Expiring within (months)</source>
        <translation>到期时限（月）</translation>
    </message>
    <message>
        <source>Paper (PDF)</source>
        <translation>纸张（PDF）</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>无法生成报表：%1</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv);;Web page (*.html)</source>
        <translation>PDF (*.pdf);;Excel 工作簿 (*.xlsx);;CSV，UTF-8 编码 (*.csv);;网页 (*.html)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>无法写入报表：%1</translation>
    </message>
    <message>
        <source>The classification (as of %1) predates the import of %2: reports show it as it was. Classify the project again for up-to-date zones, idle land and transfers.</source>
        <translation>现有分类结果（截至 %1）早于%2的导入：报表按原分类结果统计。请重新分类，以获得最新的分区、闲置土地和流转信息。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The rule file %1 was changed after the classification (as of %2): reports show the zones as they were. Classify the project again to apply it.</source>
        <translation>规则文件 %1 在分类（截至 %2）之后已修改：报表仍按原分区统计。请重新分类以应用新规则。</translation>
    </message>
</context>
<context>
    <name>app::TransferForm</name>
    <message>
        <source>Transfer record</source>
        <translation>流转记录</translation>
    </message>
    <message>
        <source>e.g. LZ4309991002010001</source>
        <translation>如 LZ4309991002010001</translation>
    </message>
    <message>
        <source>Contract no. (流转合同编码)</source>
        <translation>流转合同编码</translation>
    </message>
    <message>
        <source>Parcel id (地块编码)</source>
        <translation>地块编码</translation>
    </message>
    <message>
        <source>Transfer mode (流转方式)</source>
        <translation>流转方式</translation>
    </message>
    <message>
        <source>Start date (流转期限开始)</source>
        <translation>流转期限开始</translation>
    </message>
    <message>
        <source>End date (流转期限结束)</source>
        <translation>流转期限结束</translation>
    </message>
    <message>
        <source>Area (流转面积)</source>
        <translation>流转面积</translation>
    </message>
    <message>
        <source>Transferor (流出方)</source>
        <translation>流出方</translation>
    </message>
    <message>
        <source>Transferee (流入方)</source>
        <translation>流入方</translation>
    </message>
    <message>
        <source>Use after transfer (用途)</source>
        <translation>流转后用途</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>The end date is before the start date %1.</source>
        <translation>结束日期早于开始日期 %1。</translation>
    </message>
    <message>
        <source>The area must be more than 0 亩.</source>
        <translation>面积必须大于 0 亩。</translation>
    </message>
    <message>
        <source>Larger than the parcel %1.</source>
        <translation>超过地块面积 %1。</translation>
    </message>
    <message>
        <source>No parcel of the project has this id.</source>
        <translation>项目中没有此编码的地块。</translation>
    </message>
    <message>
        <source>This contract already has a record for this parcel.</source>
        <translation>此合同已有该地块的流转记录。</translation>
    </message>
    <message>
        <source>Choose one of the listed modes.</source>
        <translation>请从列表中选择流转方式。</translation>
    </message>
</context>
</TS>
