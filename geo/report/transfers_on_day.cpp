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
    // The classified parcels are the project's parcels (new parcels remove the classification,
    // and ReportSource refuses a project without one), read from their own table:
    // parcel_classes shows their BSM too, but as a view it would look each one up there.
    OGRLayer& parcels = source.layer("parcels");
    const std::vector<int> f = readOnly(parcels, {"BSM"});
    if (f[0] < 0)
        throw InputError("parcels lack BSM, the parcel id the transfer ledger names; import "
                         "the parcels again with a mapping profile that gives it",
                         {source.path(), "parcels", {}, {}});
    parcels.ResetReading();
    for (auto&& row : parcels) {
        ParcelRecord p;
        p.fid = row->GetFID();
        p.id = textOf(*row, f[0]);
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
