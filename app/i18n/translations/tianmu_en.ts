<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>%1 ha</source>
        <translation>%1 ha</translation>
    </message>
    <message>
        <source>%1 m²</source>
        <translation>%1 m²</translation>
    </message>
    <message>
        <source>%1 mu</source>
        <translation>%1 mu</translation>
    </message>
</context>
<context>
    <name>app::AssetStatusEditor</name>
    <message>
        <source>New &amp;status:</source>
        <translation>New &amp;status:</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>Record the new status as an edit: undo it with Ctrl+Z, write it to the project with Save edits</source>
        <translation>Record the new status as an edit: undo it with Ctrl+Z, write it to the project with Save edits</translation>
    </message>
</context>
<context>
    <name>app::AttributeTableModel</name>
    <message>
        <source>%1 has no parcels layer; import parcels first.</source>
        <translation>%1 has no parcels layer; import parcels first.</translation>
    </message>
    <message>
        <source>%1 cannot be opened as a GeoPackage project.</source>
        <translation>%1 cannot be opened as a GeoPackage project.</translation>
    </message>
    <message>
        <source>Sorting or filtering the parcels failed: %1</source>
        <translation>Sorting or filtering the parcels failed: %1</translation>
    </message>
    <message>
        <source>yes (unsaved)</source>
        <translation>yes (unsaved)</translation>
    </message>
    <message>
        <source>no (unsaved)</source>
        <translation>no (unsaved)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>app::ClassifyDialog</name>
    <message>
        <source>Cancelling: the previous results stay as they were…</source>
        <translation>Cancelling: the previous results stay as they were…</translation>
    </message>
    <message>
        <source>Classifying: %1</source>
        <translation>Classifying: %1</translation>
    </message>
    <message>
        <source>Choose a rule file</source>
        <translation>Choose a rule file</translation>
    </message>
    <message>
        <source>Rule files (*.json)</source>
        <translation>Rule files (*.json)</translation>
    </message>
    <message>
        <source>This rule file cannot be used: %1</source>
        <translation>This rule file cannot be used: %1</translation>
    </message>
    <message>
        <source>land use %1</source>
        <translation>land use %1</translation>
    </message>
    <message>
        <source>land use not %1</source>
        <translation>land use not %1</translation>
    </message>
    <message>
        <source>distance to a river %1</source>
        <translation>distance to a river %1</translation>
    </message>
    <message>
        <source>mean slope %1</source>
        <translation>mean slope %1</translation>
    </message>
    <message>
        <source>mean elevation %1</source>
        <translation>mean elevation %1</translation>
    </message>
    <message>
        <source>height above the village&apos;s lowest point %1</source>
        <translation>height above the village&apos;s lowest point %1</translation>
    </message>
    <message>
        <source>height above the nearest river %1</source>
        <translation>height above the nearest river %1</translation>
    </message>
    <message>
        <source>area %1</source>
        <translation>area %1</translation>
    </message>
    <message>
        <source>any of: %1</source>
        <translation>any of: %1</translation>
    </message>
    <message>
        <source> or </source>
        <translation> or </translation>
    </message>
    <message>
        <source>always (every parcel left)</source>
        <translation>always (every parcel left)</translation>
    </message>
    <message>
        <source>; and </source>
        <translation>; and </translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>Classifying…</translation>
    </message>
    <message>
        <source>Classified %1 parcels. The results are saved in the project.</source>
        <translation>Classified %1 parcels. The results are saved in the project.</translation>
    </message>
    <message>
        <source>Cancelled. The project keeps its previous results.</source>
        <translation>Cancelled. The project keeps its previous results.</translation>
    </message>
    <message>
        <source>Classification failed, nothing was changed: %1</source>
        <translation>Classification failed, nothing was changed: %1</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Unclassified</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Idle parcels</source>
        <translation>Idle parcels</translation>
    </message>
    <message>
        <source>Transferred parcels on %1</source>
        <translation>Transferred parcels on %1</translation>
    </message>
    <message>
        <source>Idle assets</source>
        <translation>Idle assets</translation>
    </message>
    <message>
        <source>Villages with idle funds</source>
        <translation>Villages with idle funds</translation>
    </message>
    <message>
        <source>Transfer ledger flags</source>
        <translation>Transfer ledger flags</translation>
    </message>
    <message>
        <source>Parcels whose village code disagrees with their location</source>
        <translation>Parcels whose village code disagrees with their location</translation>
    </message>
    <message>
        <source>no type</source>
        <translation>no type</translation>
    </message>
    <message>
        <source>Villages: %1</source>
        <translation>Villages: %1</translation>
    </message>
    <message>
        <source>Classify parcels</source>
        <translation>Classify parcels</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Project: %1</translation>
    </message>
    <message>
        <source>none open</source>
        <translation>none open</translation>
    </message>
    <message>
        <source>Rule file:</source>
        <translation>Rule file:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Rules in order (the first that matches decides)</source>
        <translation>Rules in order (the first that matches decides)</translation>
    </message>
    <message>
        <source>Rule file</source>
        <translation>Rule file</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Judge transfers as of:</source>
        <translation>Judge transfers as of:</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Classify</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>Idle, transfers and villages</source>
        <translation>Idle, transfers and villages</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>Area (mu)</source>
        <translation>Area (mu)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Classification replaces the previous results of the project.</source>
        <translation>Classification replaces the previous results of the project.</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): see %1.</source>
        <translation>
            <numerusform>%n warning: see %1.</numerusform>
            <numerusform>%n warnings: see %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <source>Village types (several may hold; the first that holds is the primary)</source>
        <translation>Village types (several may hold; the first that holds is the primary)</translation>
    </message>
    <message>
        <source>idle resource area %1</source>
        <translation>idle resource area %1</translation>
    </message>
    <message>
        <source>mu</source>
        <translation>mu</translation>
    </message>
    <message>
        <source>idle resource area per household %1</source>
        <translation>idle resource area per household %1</translation>
    </message>
    <message>
        <source>village centre to the nearest river %1</source>
        <translation>village centre to the nearest river %1</translation>
    </message>
    <message>
        <source>village centre to the nearest main road %1</source>
        <translation>village centre to the nearest main road %1</translation>
    </message>
    <message>
        <source>village centre to the township seat %1</source>
        <translation>village centre to the township seat %1</translation>
    </message>
    <message>
        <source>share of orchards, tea and ponds %1</source>
        <translation>share of orchards, tea and ponds %1</translation>
    </message>
    <message>
        <source>Layers the rules read</source>
        <translation>Layers the rules read</translation>
    </message>
    <message>
        <source>rivers</source>
        <translation>rivers</translation>
    </message>
    <message>
        <source>every river</source>
        <translation>every river</translation>
    </message>
    <message>
        <source>rivers whose %1 is at least %2</source>
        <translation>rivers whose %1 is at least %2</translation>
    </message>
    <message>
        <source>main roads</source>
        <translation>main roads</translation>
    </message>
    <message>
        <source>every road</source>
        <translation>every road</translation>
    </message>
    <message>
        <source>roads whose %1 is %2</source>
        <translation>roads whose %1 is %2</translation>
    </message>
</context>
<context>
    <name>app::CrsPicker</name>
    <message>
        <source>%1 coordinate systems shown</source>
        <translation>%1 coordinate systems shown</translation>
    </message>
    <message>
        <source>Search by EPSG code or name, e.g. 4525 or zone 37</source>
        <translation>Search by EPSG code or name, e.g. 4525 or zone 37</translation>
    </message>
</context>
<context>
    <name>app::EditCommand</name>
    <message>
        <source>Mark 1 parcel idle</source>
        <translation>Mark 1 parcel idle</translation>
    </message>
    <message>
        <source>Mark %1 parcels idle</source>
        <translation>Mark %1 parcels idle</translation>
    </message>
    <message>
        <source>Mark 1 parcel in use</source>
        <translation>Mark 1 parcel in use</translation>
    </message>
    <message>
        <source>Mark %1 parcels in use</source>
        <translation>Mark %1 parcels in use</translation>
    </message>
    <message>
        <source>Add transfer record %1 for parcel %2</source>
        <translation>Add transfer record %1 for parcel %2</translation>
    </message>
    <message>
        <source>Edit transfer record %1 for parcel %2</source>
        <translation>Edit transfer record %1 for parcel %2</translation>
    </message>
    <message>
        <source>End transfer record %1 on %2</source>
        <translation>End transfer record %1 on %2</translation>
    </message>
    <message>
        <source>Set %1 assets to %2</source>
        <translation>Set %1 assets to %2</translation>
    </message>
    <message>
        <source>Set asset %1 to %2</source>
        <translation>Set asset %1 to %2</translation>
    </message>
</context>
<context>
    <name>app::EditController</name>
    <message>
        <source>The project is not open for editing.</source>
        <translation>The project is not open for editing.</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>Unsaved edits</translation>
    </message>
    <message numerus="yes">
        <source>The project has %n unsaved edit(s).</source>
        <translation>
            <numerusform>The project has %n unsaved edit.</numerusform>
            <numerusform>The project has %n unsaved edits.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save them to the project, discard them, or go back?</source>
        <translation>Save them to the project, discard them, or go back?</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <source>Nothing was saved; the edits are still pending.

%1</source>
        <translation>Nothing was saved; the edits are still pending.

%1</translation>
    </message>
</context>
<context>
    <name>app::GeoText</name>
    <message>
        <source>no .cpg file</source>
        <translation>no .cpg file</translation>
    </message>
    <message>
        <source>.cpg says %1, i.e. %2</source>
        <translation>.cpg says %1, i.e. %2</translation>
    </message>
    <message>
        <source>.cpg says %1</source>
        <translation>.cpg says %1</translation>
    </message>
    <message>
        <source>DBF language byte %1 means code page %2</source>
        <translation>DBF language byte %1 means code page %2</translation>
    </message>
    <message>
        <source>DBF language byte %1 means %2</source>
        <translation>DBF language byte %1 means %2</translation>
    </message>
    <message>
        <source>DBF language byte is %1 (not set)</source>
        <translation>DBF language byte is %1 (not set)</translation>
    </message>
    <message>
        <source>sampled %1 of %2 DBF records: %3 of %4 text values and %5 of %6 field names have non-ASCII bytes</source>
        <translation>sampled %1 of %2 DBF records: %3 of %4 text values and %5 of %6 field names have non-ASCII bytes</translation>
    </message>
    <message>
        <source>%1 of them are valid GB18030 but not UTF-8</source>
        <translation>%1 of them are valid GB18030 but not UTF-8</translation>
    </message>
    <message>
        <source>%1 of them are valid UTF-8 but not GB18030</source>
        <translation>%1 of them are valid UTF-8 but not GB18030</translation>
    </message>
    <message>
        <source>%1 of them are valid as both UTF-8 and GB18030</source>
        <translation>%1 of them are valid as both UTF-8 and GB18030</translation>
    </message>
    <message>
        <source>%1 of them are valid as neither UTF-8 nor GB18030</source>
        <translation>%1 of them are valid as neither UTF-8 nor GB18030</translation>
    </message>
    <message>
        <source>no byte-order mark</source>
        <translation>no byte-order mark</translation>
    </message>
    <message>
        <source>read all %1 lines: %2 have non-ASCII bytes</source>
        <translation>read all %1 lines: %2 have non-ASCII bytes</translation>
    </message>
    <message>
        <source>.%1 files hold UTF-8 text by definition</source>
        <translation>.%1 files hold UTF-8 text by definition</translation>
    </message>
    <message>
        <source>ASCII text is valid UTF-8</source>
        <translation>ASCII text is valid UTF-8</translation>
    </message>
    <message>
        <source>The .prj is %1 in PROJ&apos;s database, and the coordinates lie in its area of use.</source>
        <translation>The .prj is %1 in PROJ&apos;s database, and the coordinates lie in its area of use.</translation>
    </message>
    <message>
        <source>The eastings start with %1, the number of %2-degree Gauss-Kruger zone %1 (3-degree zones are 25-45, 6-degree zones 13-23, so the prefix is unambiguous): %3. The datum is assumed to be CGCS2000.</source>
        <translation>The eastings start with %1, the number of %2-degree Gauss-Kruger zone %1 (3-degree zones are 25-45, 6-degree zones 13-23, so the prefix is unambiguous): %3. The datum is assumed to be CGCS2000.</translation>
    </message>
    <message>
        <source>The eastings start with %1, the number of %2-degree Gauss-Kruger zone %1 (3-degree zones are 25-45, 6-degree zones 13-23, so the prefix is unambiguous): %3. The datum comes from the .prj, which lacks the zone.</source>
        <translation>The eastings start with %1, the number of %2-degree Gauss-Kruger zone %1 (3-degree zones are 25-45, 6-degree zones 13-23, so the prefix is unambiguous): %3. The datum comes from the .prj, which lacks the zone.</translation>
    </message>
    <message>
        <source>The eastings have 6 digits, so the zone&apos;s central meridian is not in the coordinates; it is taken from the project&apos;s reference layer, %1.</source>
        <translation>The eastings have 6 digits, so the zone&apos;s central meridian is not in the coordinates; it is taken from the project&apos;s reference layer, %1.</translation>
    </message>
    <message>
        <source>%1 is on the %2 datum, and PROJ knows no datum shift from it to %3: reprojected data may be off by tens of metres or more. Ask the surveyor for the official conversion parameters if positions must be exact.</source>
        <translation>%1 is on the %2 datum, and PROJ knows no datum shift from it to %3: reprojected data may be off by tens of metres or more. Ask the surveyor for the official conversion parameters if positions must be exact.</translation>
    </message>
    <message>
        <source>The project has no DEM, so rules on slope and elevation were skipped; import one with the import wizard.</source>
        <translation>The project has no DEM, so rules on slope and elevation were skipped; import one with the import wizard.</translation>
    </message>
    <message>
        <source>The project has no rivers, so rules on river distance were skipped; import them with the import wizard.</source>
        <translation>The project has no rivers, so rules on river distance were skipped; import them with the import wizard.</translation>
    </message>
    <message>
        <source>The project has no parcels yet, so the ledger&apos;s parcel ids were not checked; import the parcels first.</source>
        <translation>The project has no parcels yet, so the ledger&apos;s parcel ids were not checked; import the parcels first.</translation>
    </message>
    <message>
        <source>The project has no villages yet, so parcels outside every village were not checked.</source>
        <translation>The project has no villages yet, so parcels outside every village were not checked.</translation>
    </message>
    <message>
        <source>by location, agrees with ZLDWDM</source>
        <translation>by location, agrees with ZLDWDM</translation>
    </message>
    <message>
        <source>by location (no ZLDWDM)</source>
        <translation>by location (no ZLDWDM)</translation>
    </message>
    <message>
        <source>by location; ZLDWDM %1 disagrees</source>
        <translation>by location; ZLDWDM %1 disagrees</translation>
    </message>
    <message>
        <source>by ZLDWDM; its location is in %1</source>
        <translation>by ZLDWDM; its location is in %1</translation>
    </message>
    <message>
        <source>by ZLDWDM (the parcel lies in no village)</source>
        <translation>by ZLDWDM (the parcel lies in no village)</translation>
    </message>
    <message>
        <source>no village: outside every village and no known ZLDWDM</source>
        <translation>no village: outside every village and no known ZLDWDM</translation>
    </message>
    <message>
        <source>flag %1=%2</source>
        <translation>flag %1=%2</translation>
    </message>
    <message>
        <source>land use %1</source>
        <translation>land use %1</translation>
    </message>
    <message>
        <source>marked by hand</source>
        <translation>marked by hand</translation>
    </message>
    <message>
        <source>contract %1 covers %2 to %3</source>
        <translation>contract %1 covers %2 to %3</translation>
    </message>
    <message>
        <source>contract %1 ended %2</source>
        <translation>contract %1 ended %2</translation>
    </message>
    <message>
        <source>contract %1 starts %2</source>
        <translation>contract %1 starts %2</translation>
    </message>
    <message>
        <source>edited by hand: contract %1 covers %2 to %3</source>
        <translation>edited by hand: contract %1 covers %2 to %3</translation>
    </message>
    <message>
        <source>edited by hand: no contract covers %1</source>
        <translation>edited by hand: no contract covers %1</translation>
    </message>
    <message>
        <source>No river has %1 of at least %2, so rules on river distance were skipped; lower the rule file&apos;s river grade or import the main rivers.</source>
        <translation>No river has %1 of at least %2, so rules on river distance were skipped; lower the rule file&apos;s river grade or import the main rivers.</translation>
    </message>
    <message>
        <source>The rivers have no %1 field, so every river counts, not only those with %2 of at least %3.</source>
        <translation>The rivers have no %1 field, so every river counts, not only those with %2 of at least %3.</translation>
    </message>
    <message>
        <source>reading the project</source>
        <translation>reading the project</translation>
    </message>
    <message>
        <source>terrain statistics</source>
        <translation>terrain statistics</translation>
    </message>
    <message>
        <source>villages</source>
        <translation>villages</translation>
    </message>
    <message>
        <source>zones</source>
        <translation>zones</translation>
    </message>
    <message>
        <source>idle three-assets and transfers</source>
        <translation>idle three-assets and transfers</translation>
    </message>
    <message>
        <source>saving the results</source>
        <translation>saving the results</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>The asset ledger has no field %1 (the rule file&apos;s idle.asset_status_field), so no asset counts as idle; its fields are %2.</source>
        <translation>The asset ledger has no field %1 (the rule file&apos;s idle.asset_status_field), so no asset counts as idle; its fields are %2.</translation>
    </message>
    <message>
        <source>The funds table has no field %1 (the rule file&apos;s idle.fund_idle_field), so no village has idle funds; its fields are %2.</source>
        <translation>The funds table has no field %1 (the rule file&apos;s idle.fund_idle_field), so no village has idle funds; its fields are %2.</translation>
    </message>
    <message>
        <source>%1; repaired with MakeValid</source>
        <translation>%1; repaired with MakeValid</translation>
    </message>
    <message>
        <source>%1; MakeValid could not repair it</source>
        <translation>%1; MakeValid could not repair it</translation>
    </message>
    <message>
        <source>%1; its curves were replaced by straight segments</source>
        <translation>%1; its curves were replaced by straight segments</translation>
    </message>
    <message>
        <source>its curves were replaced by straight segments</source>
        <translation>its curves were replaced by straight segments</translation>
    </message>
    <message>
        <source>the feature has no geometry</source>
        <translation>the feature has no geometry</translation>
    </message>
    <message>
        <source>a %1 where polygons are expected</source>
        <translation>a %1 where polygons are expected</translation>
    </message>
    <message>
        <source>a %1 where lines are expected</source>
        <translation>a %1 where lines are expected</translation>
    </message>
    <message>
        <source>a %1 where points are expected</source>
        <translation>a %1 where points are expected</translation>
    </message>
    <message>
        <source>a %1 where lines or polygons are expected</source>
        <translation>a %1 where lines or polygons are expected</translation>
    </message>
    <message>
        <source>invalid geometry</source>
        <translation>invalid geometry</translation>
    </message>
    <message>
        <source>Self-intersection at or near point %1 %2</source>
        <translation>Self-intersection at or near point %1 %2</translation>
    </message>
    <message>
        <source>Ring self-intersection at or near point %1 %2</source>
        <translation>Ring self-intersection at or near point %1 %2</translation>
    </message>
    <message>
        <source>Too few points in a geometry component at or near point %1 %2</source>
        <translation>Too few points in a geometry component at or near point %1 %2</translation>
    </message>
    <message>
        <source>A hole lies outside its shell at or near point %1 %2</source>
        <translation>A hole lies outside its shell at or near point %1 %2</translation>
    </message>
    <message>
        <source>The interior is disconnected at or near point %1 %2</source>
        <translation>The interior is disconnected at or near point %1 %2</translation>
    </message>
    <message>
        <source>Nested shells at or near point %1 %2</source>
        <translation>Nested shells at or near point %1 %2</translation>
    </message>
    <message>
        <source>Duplicate rings at or near point %1 %2</source>
        <translation>Duplicate rings at or near point %1 %2</translation>
    </message>
    <message>
        <source>its coordinates cannot be converted to the project CRS</source>
        <translation>its coordinates cannot be converted to the project CRS</translation>
    </message>
    <message>
        <source>same geometry and id as record %1</source>
        <translation>same geometry and id as record %1</translation>
    </message>
    <message>
        <source>a needle or crumb of under 1 m² or very thin</source>
        <translation>a needle or crumb of under 1 m² or very thin</translation>
    </message>
    <message>
        <source>the parcel lies in no village of the project</source>
        <translation>the parcel lies in no village of the project</translation>
    </message>
    <message>
        <source>overlaps record %1 (%2) by %3 m²</source>
        <translation>overlaps record %1 (%2) by %3 m²</translation>
    </message>
    <message>
        <source>%1 is garbled text (&quot;%2&quot;); left empty</source>
        <translation>%1 is garbled text (&quot;%2&quot;); left empty</translation>
    </message>
    <message>
        <source>The project was classified with asset statuses from %1 (the rule file&apos;s idle.asset_status_field), and tianmu records a status in ZT: classify with a rule file that reads ZT first.</source>
        <translation>The project was classified with asset statuses from %1 (the rule file&apos;s idle.asset_status_field), and tianmu records a status in ZT: classify with a rule file that reads ZT first.</translation>
    </message>
    <message>
        <source>The status (ZT) of %1 is required: one of %2.</source>
        <translation>The status (ZT) of %1 is required: one of %2.</translation>
    </message>
    <message>
        <source>The status of %1 must be one of %2 (not &apos;%3&apos;).</source>
        <translation>The status of %1 must be one of %2 (not &apos;%3&apos;).</translation>
    </message>
    <message>
        <source>No asset is selected.</source>
        <translation>No asset is selected.</translation>
    </message>
    <message>
        <source>No asset of the project has FID %1.</source>
        <translation>No asset of the project has FID %1.</translation>
    </message>
    <message>
        <source>assets %1</source>
        <translation>assets %1</translation>
    </message>
    <message>
        <source>asset %1</source>
        <translation>asset %1</translation>
    </message>
    <message>
        <source>%1 had %2 features; this import replaces them</source>
        <translation>%1 had %2 features; this import replaces them</translation>
    </message>
    <message>
        <source>The classification (rules %1, as of %2) described the parcels this import replaces, so it was removed with its tables and QGIS views; classify the project again</source>
        <translation>The classification (rules %1, as of %2) described the parcels this import replaces, so it was removed with its tables and QGIS views; classify the project again</translation>
    </message>
    <message>
        <source>The classification (rules %1, as of %2) was made before this import of %3; classify the project again to bring zones, idle items and transfers up to date</source>
        <translation>The classification (rules %1, as of %2) was made before this import of %3; classify the project again to bring zones, idle items and transfers up to date</translation>
    </message>
    <message>
        <source>parcels</source>
        <translation>parcels</translation>
    </message>
    <message>
        <source>rivers</source>
        <translation>rivers</translation>
    </message>
    <message>
        <source>the DEM</source>
        <translation>the DEM</translation>
    </message>
    <message>
        <source>the asset ledger</source>
        <translation>the asset ledger</translation>
    </message>
    <message>
        <source>the transfer ledger</source>
        <translation>the transfer ledger</translation>
    </message>
    <message>
        <source>the funds table</source>
        <translation>the funds table</translation>
    </message>
    <message>
        <source>village boundaries</source>
        <translation>village boundaries</translation>
    </message>
    <message>
        <source>%1; and %2</source>
        <translation>%1; and %2</translation>
    </message>
    <message>
        <source>every test holds</source>
        <translation>every test holds</translation>
    </message>
    <message>
        <source>land use %1 is not in the rule&apos;s list</source>
        <translation>land use %1 is not in the rule&apos;s list</translation>
    </message>
    <message>
        <source>land use %1 is excluded (%2)</source>
        <translation>land use %1 is excluded (%2)</translation>
    </message>
    <message>
        <source>no data for the %1</source>
        <translation>no data for the %1</translation>
    </message>
    <message>
        <source>%1 %2 %3 is not %4</source>
        <translation>%1 %2 %3 is not %4</translation>
    </message>
    <message>
        <source>area %1 m² is not %2</source>
        <translation>area %1 m² is not %2</translation>
    </message>
    <message>
        <source>none of the alternatives holds: %1</source>
        <translation>none of the alternatives holds: %1</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, not %3 %4</source>
        <translation>%1 is &quot;%2&quot;, not %3 %4</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>at least %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>at most %1</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>between %1 and %2</translation>
    </message>
    <message>
        <source>distance to the nearest river</source>
        <translation>distance to the nearest river</translation>
    </message>
    <message>
        <source>mean slope</source>
        <translation>mean slope</translation>
    </message>
    <message>
        <source>mean elevation</source>
        <translation>mean elevation</translation>
    </message>
    <message>
        <source>elevation above the village&apos;s lowest point</source>
        <translation>elevation above the village&apos;s lowest point</translation>
    </message>
    <message>
        <source>height above the nearest river</source>
        <translation>height above the nearest river</translation>
    </message>
    <message>
        <source>The project has no roads, so village types on the distance to a main road were skipped; import them with the import wizard.</source>
        <translation>The project has no roads, so village types on the distance to a main road were skipped; import them with the import wizard.</translation>
    </message>
    <message>
        <source>No road has %1 %2, so village types on the distance to a main road were skipped; name the main grades in the rule file&apos;s roads.</source>
        <translation>No road has %1 %2, so village types on the distance to a main road were skipped; name the main grades in the rule file&apos;s roads.</translation>
    </message>
    <message>
        <source>The roads have no %1 field, so every road counts as a main road, not only %2.</source>
        <translation>The roads have no %1 field, so every road counts as a main road, not only %2.</translation>
    </message>
    <message>
        <source>The project has no township seats, so village types on the distance to the township seat were skipped; import them with the import wizard.</source>
        <translation>The project has no township seats, so village types on the distance to the township seat were skipped; import them with the import wizard.</translation>
    </message>
    <message>
        <source>the main roads</source>
        <translation>the main roads</translation>
    </message>
    <message>
        <source>the township seats</source>
        <translation>the township seats</translation>
    </message>
    <message>
        <source>%1 %2 亩 is not %3</source>
        <translation>%1 %2 亩 is not %3</translation>
    </message>
    <message>
        <source>%1 %2 亩 is %3</source>
        <translation>%1 %2 亩 is %3</translation>
    </message>
    <message>
        <source>%1 %2 m is not %3</source>
        <translation>%1 %2 m is not %3</translation>
    </message>
    <message>
        <source>%1 %2 m is %3</source>
        <translation>%1 %2 m is %3</translation>
    </message>
    <message>
        <source>%1 %2 is not %3</source>
        <translation>%1 %2 is not %3</translation>
    </message>
    <message>
        <source>%1 %2 is %3</source>
        <translation>%1 %2 is %3</translation>
    </message>
    <message>
        <source>the type has no tests</source>
        <translation>the type has no tests</translation>
    </message>
    <message>
        <source>idle resource area per household</source>
        <translation>idle resource area per household</translation>
    </message>
    <message>
        <source>idle resource area</source>
        <translation>idle resource area</translation>
    </message>
    <message>
        <source>distance from the village centre to the nearest river</source>
        <translation>distance from the village centre to the nearest river</translation>
    </message>
    <message>
        <source>distance from the village centre to the nearest main road</source>
        <translation>distance from the village centre to the nearest main road</translation>
    </message>
    <message>
        <source>distance from the village centre to the township seat</source>
        <translation>distance from the village centre to the township seat</translation>
    </message>
    <message>
        <source>share of orchards, tea and ponds</source>
        <translation>share of orchards, tea and ponds</translation>
    </message>
</context>
<context>
    <name>app::IdentifyPanel</name>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy the table as tab-separated text (pastes into Excel or WPS)</source>
        <translation>Copy the table as tab-separated text (pastes into Excel or WPS)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>%1 cannot be opened as a project.</source>
        <translation>%1 cannot be opened as a project.</translation>
    </message>
    <message>
        <source>No parcel %1 in this project (%2).</source>
        <translation>No parcel %1 in this project (%2).</translation>
    </message>
    <message>
        <source>Parcel %1 cannot be read: %2</source>
        <translation>Parcel %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>Parcel %1 (FID %2)</source>
        <translation>Parcel %1 (FID %2)</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>%1 亩 = %2 公顷 = %3 m²</source>
        <translation>%1 亩 = %2 公顷 = %3 m²</translation>
    </message>
    <message>
        <source>Ellipsoidal area</source>
        <translation>Ellipsoidal area</translation>
    </message>
    <message>
        <source>Planar (Gauss-Kruger) area</source>
        <translation>Planar (Gauss-Kruger) area</translation>
    </message>
    <message>
        <source>Surveyed area (TBMJ)</source>
        <translation>Surveyed area (TBMJ)</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>not classified yet: run Classify</source>
        <translation>not classified yet: run Classify</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in use</translation>
    </message>
    <message>
        <source> (unsaved)</source>
        <translation> (unsaved)</translation>
    </message>
    <message>
        <source>transferred (%1, contract %2)</source>
        <translation>transferred (%1, contract %2)</translation>
    </message>
    <message>
        <source>not transferred</source>
        <translation>not transferred</translation>
    </message>
    <message>
        <source>Transfer records (%1)</source>
        <translation>Transfer records (%1)</translation>
    </message>
    <message>
        <source> (unsaved edits)</source>
        <translation> (unsaved edits)</translation>
    </message>
    <message>
        <source>%1, %2 to %3, %4 亩, %5 → %6</source>
        <translation>%1, %2 to %3, %4 亩, %5 → %6</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attributes</translation>
    </message>
    <message>
        <source>No asset %1 in this project (%2).</source>
        <translation>No asset %1 in this project (%2).</translation>
    </message>
    <message>
        <source>Asset %1 cannot be read: %2</source>
        <translation>Asset %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>Asset %1 (FID %2)</source>
        <translation>Asset %1 (FID %2)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>%1 元</source>
        <translation>%1 yuan</translation>
    </message>
    <message>
        <source>Changes recorded (%1)</source>
        <translation>Changes recorded (%1)</translation>
    </message>
    <message>
        <source>%1: %2 %3 → %4</source>
        <translation>%1: %2 %3 → %4</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Rules tried, in order (the first that holds decides)</source>
        <translation>Rules tried, in order (the first that holds decides)</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>the rule file of the classification is not on this computer; tianmu explain shows the chain with a rule file you name</source>
        <translation>The rule file of the classification is not on this computer; tianmu explain shows the chain with a rule file you name.</translation>
    </message>
    <message>
        <source>holds: it decides the zone</source>
        <translation>holds: it decides the zone</translation>
    </message>
    <message>
        <source>does not hold: %1</source>
        <translation>does not hold: %1</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>skipped: %1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>the rule file changed after the classification: by the file as it is now, %1 decides, but the stored zone came from %2; classify again</source>
        <translation>The rule file changed after the classification: by the file as it is now, %1 decides, but the stored zone came from %2. Classify again.</translation>
    </message>
    <message>
        <source>no rule</source>
        <translation>no rule</translation>
    </message>
    <message>
        <source>Village type of %1 (every type in order; the first that holds is the primary)</source>
        <translation>Village type of %1 (every type in order; the first that holds is the primary)</translation>
    </message>
    <message>
        <source>none: no type holds</source>
        <translation>none: no type holds</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Types</translation>
    </message>
    <message>
        <source>the rule file of the classification is not on this computer; tianmu explain --village shows the types with a rule file you name</source>
        <translation>the rule file of the classification is not on this computer; tianmu explain --village shows the types with a rule file you name</translation>
    </message>
    <message>
        <source>holds: %1</source>
        <translation>holds: %1</translation>
    </message>
    <message>
        <source>the rule file changed after the classification: the stored types differ from what it gives now; classify again</source>
        <translation>the rule file changed after the classification: the stored types differ from what it gives now; classify again</translation>
    </message>
    <message>
        <source>Click a parcel, an asset or a village on the map to identify it.</source>
        <translation>Click a parcel, an asset or a village on the map to identify it.</translation>
    </message>
    <message>
        <source>%1 亩</source>
        <translation>%1 亩</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>unknown: the layer is missing</source>
        <translation>unknown: the layer is missing</translation>
    </message>
    <message>
        <source>Village figures (from the classification)</source>
        <translation>Village figures (from the classification)</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Idle land</source>
        <translation>Idle land</translation>
    </message>
    <message>
        <source>Transferred land</source>
        <translation>Transferred land</translation>
    </message>
    <message>
        <source>Orchards, tea and ponds</source>
        <translation>Orchards, tea and ponds</translation>
    </message>
    <message>
        <source>Centre to the nearest river</source>
        <translation>Centre to the nearest river</translation>
    </message>
    <message>
        <source>Centre to the nearest main road</source>
        <translation>Centre to the nearest main road</translation>
    </message>
    <message>
        <source>Centre to the township seat</source>
        <translation>Centre to the township seat</translation>
    </message>
    <message>
        <source>Zone %1</source>
        <translation>Zone %1</translation>
    </message>
    <message>
        <source>Village %1 (%2)</source>
        <translation>Village %1 (%2)</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
</context>
<context>
    <name>app::ImportFilesPage</name>
    <message>
        <source>reading…</source>
        <translation>reading…</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>cannot be read: %1</translation>
    </message>
    <message>
        <source>Choose survey files</source>
        <translation>Choose survey files</translation>
    </message>
    <message>
        <source>Survey data (*.shp *.gpkg *.geojson *.json *.fgb *.gdb *.csv *.xlsx *.tif *.tiff);;All files (*)</source>
        <translation>Survey data (*.shp *.gpkg *.geojson *.json *.fgb *.gdb *.csv *.xlsx *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <source>Project to import into</source>
        <translation>Project to import into</translation>
    </message>
    <message>
        <source>tianmu project (*.gpkg)</source>
        <translation>tianmu project (*.gpkg)</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>Files to import</translation>
    </message>
    <message>
        <source>Choose the surveyor&apos;s files, or drop them here. Several files can be imported at once; tianmu checks each one on the next page.</source>
        <translation>Choose the surveyor&apos;s files, or drop them here. Several files can be imported at once; tianmu checks each one on the next page.</translation>
    </message>
    <message>
        <source>Project (a new file is created by the first import):</source>
        <translation>Project (a new file is created by the first import):</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Files:</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Shapefiles (.shp with its .dbf, .shx and, if there is one, .prj and .cpg), GeoPackage, GeoJSON, FlatGeobuf, CSV or XLSX ledgers, and GeoTIFF elevation models.</source>
        <translation>Shapefiles (.shp with its .dbf, .shx and, if there is one, .prj and .cpg), GeoPackage, GeoJSON, FlatGeobuf, CSV or XLSX ledgers, and GeoTIFF elevation models.</translation>
    </message>
    <message>
        <source>%1 (replaces the project&apos;s DEM)</source>
        <translation>%1 (replaces the project&apos;s DEM)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (replaces its %n feature(s) and removes the classification)</source>
        <translation>
            <numerusform>%1 (replaces its %n feature and removes the classification)</numerusform>
            <numerusform>%1 (replaces its %n features and removes the classification)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (replaces its %n feature(s))</source>
        <translation>
            <numerusform>%1 (replaces its %n feature)</numerusform>
            <numerusform>%1 (replaces its %n features)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::ImportPlan</name>
    <message>
        <source>Villages</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>Rivers</source>
        <translation>Rivers</translation>
    </message>
    <message>
        <source>Elevation (DEM)</source>
        <translation>Elevation (DEM)</translation>
    </message>
    <message>
        <source>Assets ledger</source>
        <translation>Assets ledger</translation>
    </message>
    <message>
        <source>Land transfer ledger</source>
        <translation>Land transfer ledger</translation>
    </message>
    <message>
        <source>Funds ledger</source>
        <translation>Funds ledger</translation>
    </message>
    <message>
        <source>empty geometry</source>
        <translation>empty geometry</translation>
    </message>
    <message>
        <source>invalid geometry</source>
        <translation>invalid geometry</translation>
    </message>
    <message>
        <source>wrong geometry type</source>
        <translation>wrong geometry type</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <source>sliver</source>
        <translation>sliver</translation>
    </message>
    <message>
        <source>overlap with a neighbour</source>
        <translation>overlap with a neighbour</translation>
    </message>
    <message>
        <source>outside every village</source>
        <translation>outside every village</translation>
    </message>
    <message>
        <source>bad coordinates</source>
        <translation>bad coordinates</translation>
    </message>
    <message>
        <source>bad date</source>
        <translation>bad date</translation>
    </message>
    <message>
        <source>bad dates</source>
        <translation>bad dates</translation>
    </message>
    <message>
        <source>bad number</source>
        <translation>bad number</translation>
    </message>
    <message>
        <source>missing value</source>
        <translation>missing value</translation>
    </message>
    <message>
        <source>garbled text</source>
        <translation>garbled text</translation>
    </message>
    <message>
        <source>no such parcel</source>
        <translation>no such parcel</translation>
    </message>
    <message>
        <source>unknown transfer mode</source>
        <translation>unknown transfer mode</translation>
    </message>
    <message>
        <source>repaired</source>
        <translation>repaired</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>flagged</translation>
    </message>
    <message>
        <source>curves made straight</source>
        <translation>curves made straight</translation>
    </message>
    <message>
        <source>Main roads</source>
        <translation>Main roads</translation>
    </message>
    <message>
        <source>Township seats</source>
        <translation>Township seats</translation>
    </message>
</context>
<context>
    <name>app::ImportRunPage</name>
    <message>
        <source>Cancelling: the file being imported is rolled back…</source>
        <translation>Cancelling: the file being imported is rolled back…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Nothing to import: choose a project and files first.</source>
        <translation>Nothing to import: choose a project and files first.</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>failed: %1</translation>
    </message>
    <message>
        <source>cancelled: nothing of it was imported</source>
        <translation>cancelled: nothing of it was imported</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>encoding %1</translation>
    </message>
    <message>
        <source>CRS EPSG:%1</source>
        <translation>CRS EPSG:%1</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>profile %1</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>record %1</translation>
    </message>
    <message>
        <source>%1 imported, %2 failed, %3 cancelled or not started. Files that were not imported left the project as it was.</source>
        <translation>%1 imported, %2 failed, %3 cancelled or not started. Files that were not imported left the project as it was.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>The files are imported one by one, each in one transaction: a file is either imported completely or not at all.</source>
        <translation>The files are imported one by one, each in one transaction: a file is either imported completely or not at all.</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>Import report:</source>
        <translation>Import report:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>Repaired</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Count / id</source>
        <translation>Count / id</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Every file was imported (%1). The report is saved in the project (tables tianmu_imports and import_issues).</source>
        <translation>Every file was imported (%1). The report is saved in the project (tables tianmu_imports and import_issues).</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>Save the import report</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>The report could not be saved</source>
        <translation>The report could not be saved</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Save report…</translation>
    </message>
</context>
<context>
    <name>app::ImportSourcePage</name>
    <message>
        <source>your choice</source>
        <translation>your choice</translation>
    </message>
    <message>
        <source>the .cpg file</source>
        <translation>the .cpg file</translation>
    </message>
    <message>
        <source>the DBF language byte</source>
        <translation>the DBF language byte</translation>
    </message>
    <message>
        <source>checking the bytes of the text</source>
        <translation>checking the bytes of the text</translation>
    </message>
    <message>
        <source>the default for Chinese data</source>
        <translation>the default for Chinese data</translation>
    </message>
    <message>
        <source>the file format</source>
        <translation>the file format</translation>
    </message>
    <message>
        <source>the .prj file</source>
        <translation>the .prj file</translation>
    </message>
    <message>
        <source>the coordinates</source>
        <translation>the coordinates</translation>
    </message>
    <message>
        <source>the layers already in the project</source>
        <translation>the layers already in the project</translation>
    </message>
    <message>
        <source>nothing: it is unknown</source>
        <translation>nothing: it is unknown</translation>
    </message>
    <message>
        <source>No files chosen.</source>
        <translation>No files chosen.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>This file cannot be read: %1</source>
        <translation>This file cannot be read: %1</translation>
    </message>
    <message>
        <source>An elevation raster: its coordinate system is decided when it is imported; it has no attributes to decode or map.</source>
        <translation>An elevation raster: its coordinate system is decided when it is imported; it has no attributes to decode or map.</translation>
    </message>
    <message>
        <source>%1: %2 features (%3), %4 fields.</source>
        <translation>%1: %2 features (%3), %4 fields.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Automatic (detected: %1)</source>
        <translation>Automatic (detected: %1)</translation>
    </message>
    <message>
        <source>Detected %1, decided by %2.</source>
        <translation>Detected %1, decided by %2.</translation>
    </message>
    <message>
        <source>The raster&apos;s coordinate system is read when it is imported. Pick one below only if the file has none or a wrong one.</source>
        <translation>The raster&apos;s coordinate system is read when it is imported. Pick one below only if the file has none or a wrong one.</translation>
    </message>
    <message>
        <source>This file has no geometry: no coordinate system is needed.</source>
        <translation>This file has no geometry: no coordinate system is needed.</translation>
    </message>
    <message>
        <source>The coordinate system could not be decided: %1
Pick it below.</source>
        <translation>The coordinate system could not be decided: %1
Pick it below.</translation>
    </message>
    <message>
        <source>Detected EPSG:%1 %2, decided by %3: %4</source>
        <translation>Detected EPSG:%1 %2, decided by %3: %4</translation>
    </message>
    <message>
        <source>This was inferred from the coordinates: please confirm it, or pick the right one below.</source>
        <translation>This was inferred from the coordinates: please confirm it, or pick the right one below.</translation>
    </message>
    <message>
        <source>You chose EPSG:%1; it replaces the detected one.</source>
        <translation>You chose EPSG:%1; it replaces the detected one.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>integer</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>, m²</source>
        <translation>, m²</translation>
    </message>
    <message>
        <source>, mu</source>
        <translation>, mu</translation>
    </message>
    <message>
        <source>, ha</source>
        <translation>, ha</translation>
    </message>
    <message>
        <source>%1 features: %2 with a valid geometry.</source>
        <translation>%1 features: %2 with a valid geometry.</translation>
    </message>
    <message>
        <source>%1 rows, no geometry.</source>
        <translation>%1 rows, no geometry.</translation>
    </message>
    <message>
        <source>• %1: %2 (repaired where possible, otherwise listed in the import report)</source>
        <translation>• %1: %2 (repaired where possible, otherwise listed in the import report)</translation>
    </message>
    <message>
        <source>%1 values of the preview look garbled with this encoding: try another.</source>
        <translation>%1 values of the preview look garbled with this encoding: try another.</translation>
    </message>
    <message>
        <source>Required fields without a source: %1. The import will refuse this file.</source>
        <translation>Required fields without a source: %1. The import will refuse this file.</translation>
    </message>
    <message>
        <source>No field-mapping profile fits this layer.</source>
        <translation>No field-mapping profile fits this layer.</translation>
    </message>
    <message>
        <source>Nothing is dropped silently: every feature is imported, or listed in the import report with its reason.</source>
        <translation>Nothing is dropped silently: every feature is imported, or listed in the import report with its reason.</translation>
    </message>
    <message>
        <source>Check each file</source>
        <translation>Check each file</translation>
    </message>
    <message>
        <source>tianmu has read each file and decided how to import it. Check the decisions and correct them where they are wrong.</source>
        <translation>tianmu has read each file and decided how to import it. Check the decisions and correct them where they are wrong.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Import as:</source>
        <translation>Import as:</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>Coordinate system</translation>
    </message>
    <message>
        <source>Field mapping</source>
        <translation>Field mapping</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>Attribute encoding:</source>
        <translation>Attribute encoding:</translation>
    </message>
    <message>
        <source>Preview of the first records, decoded with this encoding:</source>
        <translation>Preview of the first records, decoded with this encoding:</translation>
    </message>
    <message>
        <source>Coordinate system of the file:</source>
        <translation>Coordinate system of the file:</translation>
    </message>
    <message>
        <source>Mapping profile:</source>
        <translation>Mapping profile:</translation>
    </message>
    <message>
        <source>tianmu field (* required)</source>
        <translation>tianmu field (* required)</translation>
    </message>
    <message>
        <source>Field in the file</source>
        <translation>Field in the file</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>%1 is still being read.</source>
        <translation>%1 is still being read.</translation>
    </message>
    <message>
        <source>%1 cannot be read: remove it on the previous page.</source>
        <translation>%1 cannot be read: remove it on the previous page.</translation>
    </message>
    <message>
        <source>Pick the coordinate system of %1.</source>
        <translation>Pick the coordinate system of %1.</translation>
    </message>
    <message>
        <source>Confirm the coordinate system of %1, or pick the right one.</source>
        <translation>Confirm the coordinate system of %1, or pick the right one.</translation>
    </message>
    <message>
        <source>I have checked: this is the file&apos;s coordinate system</source>
        <translation>I have checked: this is the file&apos;s coordinate system</translation>
    </message>
    <message>
        <source>Every field of the file has a tianmu field.</source>
        <translation>Every field of the file has a tianmu field.</translation>
    </message>
    <message>
        <source>Kept under their own names: %1</source>
        <translation>Kept under their own names: %1</translation>
    </message>
    <message>
        <source>%1 values of the file already look garbled with the detected encoding (the surveyor&apos;s data may be damaged): they will be left empty and listed in the import report.</source>
        <translation>%1 values of the file already look garbled with the detected encoding (the surveyor&apos;s data may be damaged): they will be left empty and listed in the import report.</translation>
    </message>
</context>
<context>
    <name>app::ImportWizard</name>
    <message>
        <source>Import survey data</source>
        <translation>Import survey data</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>app::LayerPanel</name>
    <message>
        <source>&lt;b&gt;Layers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Layers&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>Rivers</source>
        <translation>Rivers</translation>
    </message>
    <message>
        <source>Village boundaries</source>
        <translation>Village boundaries</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Parcel opacity</source>
        <translation>Parcel opacity</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>Colour by</translation>
    </message>
    <message>
        <source>Development zone</source>
        <translation>Development zone</translation>
    </message>
    <message>
        <source>Land use</source>
        <translation>Land use</translation>
    </message>
    <message>
        <source>Transfer mode</source>
        <translation>Transfer mode</translation>
    </message>
    <message>
        <source>Idle status</source>
        <translation>Idle status</translation>
    </message>
    <message>
        <source>Village type</source>
        <translation>Village type</translation>
    </message>
    <message>
        <source>&lt;b&gt;Show only&lt;/b&gt;</source>
        <translation>&lt;b&gt;Show only&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Idle parcels</source>
        <translation>Idle parcels</translation>
    </message>
    <message>
        <source>Transferred parcels</source>
        <translation>Transferred parcels</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Relief (from the DEM)</source>
        <translation>Relief (from the DEM)</translation>
    </message>
    <message>
        <source>Shades slopes facing away from the north-west light</source>
        <translation>Shades slopes facing away from the north-west light</translation>
    </message>
    <message>
        <source>This project has no DEM: import one to see the relief</source>
        <translation>This project has no DEM: import one to see the relief</translation>
    </message>
    <message>
        <source>Basemap (none chosen)</source>
        <translation>Basemap (none chosen)</translation>
    </message>
    <message>
        <source>Basemap: %1</source>
        <translation>Basemap: %1</translation>
    </message>
    <message>
        <source>Basemap…</source>
        <translation>Basemap…</translation>
    </message>
    <message>
        <source>Show a local raster under the map: an orthophoto (GeoTIFF, JPEG 2000) or MBTiles</source>
        <translation>Show a local raster under the map: an orthophoto (GeoTIFF, JPEG 2000) or MBTiles</translation>
    </message>
    <message>
        <source>Assets (三资 ledger)</source>
        <translation>Assets (三资 ledger)</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>Roads</translation>
    </message>
    <message>
        <source>Township seats</source>
        <translation>Township seats</translation>
    </message>
    <message>
        <source>Main and other roads; village types measure the distance to the main ones</source>
        <translation>Main and other roads; village types measure the distance to the main ones</translation>
    </message>
    <message>
        <source>This project has no roads: import them with tianmu import --as roads</source>
        <translation>This project has no roads: import them with tianmu import --as roads</translation>
    </message>
    <message>
        <source>The township seats (乡镇驻地) with their names</source>
        <translation>The township seats (乡镇驻地) with their names</translation>
    </message>
    <message>
        <source>This project has no township seats: import them with tianmu import --as seats</source>
        <translation>This project has no township seats: import them with tianmu import --as seats</translation>
    </message>
</context>
<context>
    <name>app::LegendPanel</name>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Assets (三资 ledger)</source>
        <translation>Assets (三资 ledger)</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>leased</source>
        <translation>leased</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in use</translation>
    </message>
    <message>
        <source>Roads and township seats</source>
        <translation>Roads and township seats</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>Roads</translation>
    </message>
    <message>
        <source>Township seats (乡镇驻地)</source>
        <translation>Township seats (乡镇驻地)</translation>
    </message>
    <message>
        <source>Main roads (%1)</source>
        <translation>Main roads (%1)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Other roads</source>
        <translation>Other roads</translation>
    </message>
</context>
<context>
    <name>app::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Open project…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>No project open</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>tianmu project (*.gpkg)</source>
        <translation>tianmu project (*.gpkg)</translation>
    </message>
    <message>
        <source>Could not open the project: %1</source>
        <translation>Could not open the project: %1</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>Could not open the project</translation>
    </message>
    <message>
        <source>Opening %1: %2 %</source>
        <translation>Opening %1: %2 %</translation>
    </message>
    <message>
        <source>About tianmu</source>
        <translation>About tianmu</translation>
    </message>
    <message>
        <source>tianmu (田亩) %1: land-transfer and three-assets planning for counties and villages.</source>
        <translation>tianmu (田亩) %1: land-transfer and three-assets planning for counties and villages.</translation>
    </message>
    <message>
        <source>tianmu</source>
        <translation>tianmu</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Zoom to &amp;full extent</source>
        <translation>Zoom to &amp;full extent</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>Zoom to &amp;selection</translation>
    </message>
    <message>
        <source>&amp;Previous view</source>
        <translation>&amp;Previous view</translation>
    </message>
    <message>
        <source>&amp;Next view</source>
        <translation>&amp;Next view</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>&amp;Pan</translation>
    </message>
    <message>
        <source>&amp;Select parcels</source>
        <translation>&amp;Select parcels</translation>
    </message>
    <message>
        <source>Measure &amp;distance</source>
        <translation>Measure &amp;distance</translation>
    </message>
    <message>
        <source>Measure &amp;area</source>
        <translation>Measure &amp;area</translation>
    </message>
    <message>
        <source>&amp;Import data…</source>
        <translation>&amp;Import data…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Edit this project</source>
        <translation>&amp;Edit this project</translation>
    </message>
    <message>
        <source>Mark selected parcels &amp;idle</source>
        <translation>Mark selected parcels &amp;idle</translation>
    </message>
    <message>
        <source>Mark selected parcels in &amp;use</source>
        <translation>Mark selected parcels in &amp;use</translation>
    </message>
    <message>
        <source>Add a &amp;transfer record…</source>
        <translation>Add a &amp;transfer record…</translation>
    </message>
    <message>
        <source>&amp;Save edits</source>
        <translation>&amp;Save edits</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analysis</translation>
    </message>
    <message>
        <source>&amp;Classify…</source>
        <translation>&amp;Classify…</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>&amp;Reports…</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Attribute table</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About tianmu</source>
        <translation>&amp;About tianmu</translation>
    </message>
    <message>
        <source>Map tools</source>
        <translation>Map tools</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Area unit:</source>
        <translation>Area unit:</translation>
    </message>
    <message>
        <source>mu</source>
        <translation>mu</translation>
    </message>
    <message>
        <source>hectares</source>
        <translation>hectares</translation>
    </message>
    <message>
        <source>square metres</source>
        <translation>square metres</translation>
    </message>
    <message>
        <source>Find village or parcel id…</source>
        <translation>Find village or parcel id…</translation>
    </message>
    <message>
        <source>%1 was not found</source>
        <translation>%1 was not found</translation>
    </message>
    <message>
        <source>%1 cannot be read (check its permissions)</source>
        <translation>%1 cannot be read (check its permissions)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <source>%1 parcels in %2 villages, opened in %3 s</source>
        <translation>%1 parcels in %2 villages, opened in %3 s</translation>
    </message>
    <message>
        <source>Scale 1:%1</source>
        <translation>Scale 1:%1</translation>
    </message>
    <message>
        <source>Village %1 (%2)</source>
        <translation>Village %1 (%2)</translation>
    </message>
    <message>
        <source>Parcel %1</source>
        <translation>Parcel %1</translation>
    </message>
    <message>
        <source>Nothing called %1 in this project</source>
        <translation>Nothing called %1 in this project</translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) saved</source>
        <translation>
            <numerusform>%n edit saved</numerusform>
            <numerusform>%n edits saved</numerusform>
        </translation>
    </message>
    <message>
        <source>The project cannot be edited now</source>
        <translation>The project cannot be edited now</translation>
    </message>
    <message>
        <source>Editing %1: changes are kept until you save them (Ctrl+S)</source>
        <translation>Editing %1: changes are kept until you save them (Ctrl+S)</translation>
    </message>
    <message>
        <source>The edits could not be saved</source>
        <translation>The edits could not be saved</translation>
    </message>
    <message>
        <source>Choose a basemap</source>
        <translation>Choose a basemap</translation>
    </message>
    <message>
        <source>Rasters (*.tif *.tiff *.jp2 *.mbtiles *.img *.vrt *.png *.jpg);;All files (*)</source>
        <translation>Rasters (*.tif *.tiff *.jp2 *.mbtiles *.img *.vrt *.png *.jpg);;All files (*)</translation>
    </message>
    <message>
        <source>The basemap cannot be shown</source>
        <translation>The basemap cannot be shown</translation>
    </message>
    <message>
        <source>Basemap %1 shown under the map; lower the parcel opacity to see it through the parcels</source>
        <translation>Basemap %1 shown under the map; lower the parcel opacity to see it through the parcels</translation>
    </message>
    <message>
        <source>&amp;Copy identified details</source>
        <translation>&amp;Copy identified details</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identify</translation>
    </message>
    <message>
        <source>; the classification (as of %1) predates the import of %2: classify again</source>
        <translation>; the classification (as of %1) predates the import of %2: classify again</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>; the rule file %1 was changed after the classification: classify again</source>
        <translation>; the rule file %1 was changed after the classification: classify again</translation>
    </message>
    <message>
        <source>&amp;Identify parcel, asset or village</source>
        <translation>&amp;Identify parcel, asset or village</translation>
    </message>
</context>
<context>
    <name>app::MapCanvas</name>
    <message>
        <source>%1 m² · %2 mu · %3 ha</source>
        <translation>%1 m² · %2 mu · %3 ha</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
</context>
<context>
    <name>app::ReportDialog</name>
    <message>
        <source>Make a report</source>
        <translation>Make a report</translation>
    </message>
    <message>
        <source>Land transfer areas</source>
        <translation>Land transfer areas</translation>
    </message>
    <message>
        <source>Idle-resource ledger</source>
        <translation>Idle-resource ledger</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>Discrepancies</translation>
    </message>
    <message>
        <source>Expiring contracts</source>
        <translation>Expiring contracts</translation>
    </message>
    <message>
        <source>Village atlas (PDF)</source>
        <translation>Village atlas (PDF)</translation>
    </message>
    <message>
        <source>village</source>
        <translation>village</translation>
    </message>
    <message>
        <source>zone</source>
        <translation>zone</translation>
    </message>
    <message>
        <source>transfer mode</source>
        <translation>transfer mode</translation>
    </message>
    <message>
        <source>the classification&apos;s day</source>
        <translation>the classification&apos;s day</translation>
    </message>
    <message>
        <source>ellipsoidal</source>
        <translation>ellipsoidal</translation>
    </message>
    <message>
        <source>surveyed (TBDLMJ)</source>
        <translation>surveyed (TBDLMJ)</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3 landscape</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Rows by</source>
        <translation>Rows by</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>Report language</translation>
    </message>
    <message>
        <source>Expiring within (months)</source>
        <translation>Expiring within (months)</translation>
    </message>
    <message>
        <source>Paper (PDF)</source>
        <translation>Paper (PDF)</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Building the report…</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>The report could not be made: %1</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv);;Web page (*.html)</source>
        <translation>PDF (*.pdf);;Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv);;Web page (*.html)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Writing %1…</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>The report could not be written: %1</translation>
    </message>
    <message>
        <source>The classification (as of %1) predates the import of %2: reports show it as it was. Classify the project again for up-to-date zones, idle land and transfers.</source>
        <translation>The classification (as of %1) predates the import of %2: reports show it as it was. Classify the project again for up-to-date zones, idle land and transfers.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>The rule file %1 was changed after the classification (as of %2): reports show the zones as they were. Classify the project again to apply it.</source>
        <translation>The rule file %1 was changed after the classification (as of %2): reports show the zones as they were. Classify the project again to apply it.</translation>
    </message>
</context>
<context>
    <name>app::TransferForm</name>
    <message>
        <source>Transfer record</source>
        <translation>Transfer record</translation>
    </message>
    <message>
        <source>e.g. LZ4309991002010001</source>
        <translation>e.g. LZ4309991002010001</translation>
    </message>
    <message>
        <source>Contract no. (流转合同编码)</source>
        <translation>Contract no. (流转合同编码)</translation>
    </message>
    <message>
        <source>Parcel id (地块编码)</source>
        <translation>Parcel id (地块编码)</translation>
    </message>
    <message>
        <source>Transfer mode (流转方式)</source>
        <translation>Transfer mode (流转方式)</translation>
    </message>
    <message>
        <source>Start date (流转期限开始)</source>
        <translation>Start date (流转期限开始)</translation>
    </message>
    <message>
        <source>End date (流转期限结束)</source>
        <translation>End date (流转期限结束)</translation>
    </message>
    <message>
        <source>Area (流转面积)</source>
        <translation>Area (流转面积)</translation>
    </message>
    <message>
        <source>Transferor (流出方)</source>
        <translation>Transferor (流出方)</translation>
    </message>
    <message>
        <source>Transferee (流入方)</source>
        <translation>Transferee (流入方)</translation>
    </message>
    <message>
        <source>Use after transfer (用途)</source>
        <translation>Use after transfer (用途)</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>The end date is before the start date %1.</source>
        <translation>The end date is before the start date %1.</translation>
    </message>
    <message>
        <source>The area must be more than 0 亩.</source>
        <translation>The area must be more than 0 亩.</translation>
    </message>
    <message>
        <source>Larger than the parcel %1.</source>
        <translation>Larger than the parcel %1.</translation>
    </message>
    <message>
        <source>No parcel of the project has this id.</source>
        <translation>No parcel of the project has this id.</translation>
    </message>
    <message>
        <source>This contract already has a record for this parcel.</source>
        <translation>This contract already has a record for this parcel.</translation>
    </message>
    <message>
        <source>Choose one of the listed modes.</source>
        <translation>Choose one of the listed modes.</translation>
    </message>
</context>
</TS>
