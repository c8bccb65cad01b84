#include "geo/report/transfers_on_day.h"

#include "geo/classification_inputs.h"
#include "geo/error.h"
#include "geo/rule_set.h"
#include "geo/transfer_status.h"

namespace geo::report {

TransfersOnDay transfersOnDay(const ReportSource& source, const std::string& day) {
    TransfersOnDay out;
    out.day = day;
    // analyseTransfers needs the parcels' ids only: the areas it also reads serve its
    // area-mismatch flags, which reports take from the classification.
    ClassificationInputs in;
    OGRLayer& classes = source.layer("parcel_classes");
    const std::vector<int> f = readOnly(classes, {"PARCEL_FID", "BSM"});
    if (f[0] < 0 || f[1] < 0)
        throw InputError("parcel_classes lacks PARCEL_FID or BSM; classify the project again: "
                         "tianmu classify --project " +
                             source.path(),
                         {source.path(), "parcel_classes", {}, {}});
    classes.ResetReading();
    for (auto&& c : classes) {
        ParcelRecord p;
        p.fid = c->GetFieldAsInteger64(f[0]);
        p.id = textOf(*c, f[1]);
        in.parcels.push_back(std::move(p));
    }
    if (OGRLayer* ledger = source.optionalLayer("transfers"))
        in.transfers = readTransferLedger(*ledger);

    // The default rules: only the flags' thresholds come from a rule file, never who is
    // transferred.
    const TransferStatus status = analyseTransfers(in, RuleSet{}, day);
    for (std::size_t i = 0; i < in.parcels.size(); ++i)
        if (status.parcel(i).active) {
            out.modeOf.emplace(in.parcels[i].fid, status.parcel(i).mode());
            out.parcelIds.push_back(in.parcels[i].id.str());
        }
    for (const TransferFlag& flag : status.flags)
        out.overlaps += flag.kind == "overlapping_contracts" ? 1 : 0;
    return out;
}

} // namespace geo::report
