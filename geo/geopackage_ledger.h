// Reads the transfer ledger straight from a GeoPackage's SQLite table, to the very rows
// readTransferLedger gives through OGR, at a fraction of OGR's cost per row: classification
// reads the whole ledger (160,000 rows for a county of a million parcels) before it can start.
#pragma once

#include <optional>
#include <vector>

#include "geo/classification_inputs.h"

class OGRLayer;

namespace geo {

// The ledger's rows in fid order, as readTransferLedger(transfers) reads them; nullopt when
// they cannot be read here (not a table of a GeoPackage file in fid order, a field whose text
// OGR makes in its own way, an unreadable table): then read them with readTransferLedger.
// Call on the thread that owns `transfers`; the rows are read on a connection of their own.
std::optional<std::vector<TransferRow>> readTransferLedgerDirect(OGRLayer& transfers);

} // namespace geo
