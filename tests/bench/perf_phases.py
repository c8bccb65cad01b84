#!/usr/bin/env python3
"""Splits a `perf script` call-graph dump of `tianmu import` into the import's phases.

Usage: perf script -i perf.data --no-inline -F ip,sym,dso | tests/bench/perf_phases.py [--leaves N]

Run it while the profiled tianmu binary is still the one on disk: call sites are addresses in it.

Each sample is charged to the first phase in PHASES whose marker matches one of its frames
(markers are library entry points, so the phases do not depend on tianmu's own symbols, which
the release build inlines). GDAL's internal functions (the GeoPackage driver's GetFeature and
CreateFeature, the GEOS conversions) have no symbols, so the call site in tianmu (the innermost
return address into the tianmu executable) comes first: when the call instruction there is a
direct call (through the PLT) of a function that names a phase, the sample is charged to it.
Otherwise the markers decide. A sample with no marker is charged to the phase most samples
through the same call site matched, or for a virtual call with no such samples to the
OGRLayer or OGRGeometry method in that vtable slot (when only one of the two names a phase);
what is left is charged by its innermost frame (LEAF_PHASES: tianmu's own loops).
Prints the share of samples per phase (and how many only the call site placed), and the leaf
functions of the samples that stayed unmatched.
"""
import re
import subprocess
import sys
from collections import Counter, defaultdict

# (phase, regular expression matched against each frame's symbol), first match wins: an outer
# operation comes before the operations it calls.
PHASES = [
    ("overlap check: GEOS Intersection", r"GEOSIntersection_r|OGRGeometry::Intersection\b"),
    ("overlap check: GEOS Intersects", r"GEOSIntersects_r|OGRGeometry::Intersects\b"),
    ("overlap check: flat pre-filter", r"geo::interiorsMayOverlap|vertexStrictlyInside"),
    ("overlap check: GetFeature (GPKG read back)", r"OGRGeoPackageTableLayer::GetFeature|OGRLayer::GetFeature"),
    ("overlap flag: SetFeature", r"OGRGeoPackageTableLayer::ISetFeature|OGRLayer::SetFeature"),
    ("village check: GEOS Contains", r"GEOSContains_r|OGRGeometry::Contains\b"),
    ("village check: flat point in polygon", r"geo::featureContains|geo::interiorPoint"),
    ("village check: PointOnSurface", r"GEOSPointOnSurface_r|OGR_G_PointOnSurface"),
    ("validation: MakeValid", r"GEOSMakeValid|OGRGeometry::MakeValid"),
    ("validation: IsValid", r"GEOSisValid|OGRGeometry::IsValid|geo::isSimpleSingleRing"),
    ("validation: Boundary + length (sliver)", r"GEOSBoundary_r|OGRGeometry::Boundary|OGR_G_Length"),
    ("duplicate key: WKB / hash + hash map", r"exportToWkb|std::_Hash_bytes|geo::geometryKey|geo::flatHash|geo::sameCoordinates|_Hashtable<unsigned long|_Hashtable<std::__cxx11::basic_string.* const, long long>"),
    ("decoding: CPLRecode / iconv", r"CPLRecode|iconv|gconv|geo::decodeToUtf8|_Hashtable<std::__cxx11::basic_string.* const, std::__cxx11::basic_string"),
    ("encoding detection", r"geo::detectEncoding"),
    ("areas: geodesic (PROJ + geod_polygonarea)", r"geod_polygonarea|geo::GeodesicAreaCalculator|OGRProjCT::Transform|proj_trans"),
    ("GPKG write: CreateFeature", r"OGRGeoPackageTableLayer::ICreateFeature|OGRLayer::CreateFeature"),
    ("GPKG spatial index: bulk R-tree build", r"geo::buildGeoPackageRtree|GeoPackageStore::indexLayer"),
    ("GPKG commit (R-tree, journal)", r"CommitTransaction|GeoPackageStore::commit|ProjectStore::commit|RTree|rtree"),
    ("import issues: recordIssues", r"recordIssues"),
    ("GPKG close: deferred R-tree build, flush", r"GDALClose|GDALDataset::FlushCache|GeoPackageStore::finish|GeoPackageStore::~GeoPackageStore"),
    ("project open", r"GeoPackageStore::GeoPackageStore|geo::openGeoPackageProject"),
    ("shapefile read: GetNextFeature", r"OGRShapeLayer::GetNextFeature|SHPReadObject|DBFRead|OGRShapeLayer::FetchShape|SHPReadOGRFeature|OGRLayer::FeatureIterator"),
    ("field lookup by name: GetFieldIndex", r"OGRFeatureDefn::GetFieldIndex|OGRFeature::GetFieldIndex"),
    ("attributes: GetFieldAsString, numbers", r"OGRFeature::GetFieldAsString|OGRFeature::IsFieldSetAndNotNull|geo::parseNumber|^strtod"),
    ("feature build: SetField / clone / flat copy", r"OGRFeature::SetField|OGRFeature::CreateFeature|OGRGeometry::clone|OGRMultiPolygon::clone|OGRPolygon::clone|OGRFeature::~OGRFeature|OGRFeature::SetGeometryDirectly|forceToMultiPolygon|geo::appendFeature"),
    ("profiles, CRS detection, start-up", r"geo::detectCrs|MappingProfile|_dl_|geo::chooseProfile|geo::matchProfile"),
]
COMPILED = [(name, re.compile(rx)) for name, rx in PHASES]
# Checked last, against the innermost frame only: time spent in these functions themselves.
LEAF_PHASES = [
    ("spatial index: build and queries (self)", re.compile(r"geo::SpatialIndex::")),
    ("import loop itself (self)", re.compile(r"^geo::importIntoProject|geo::looksLikeMojibake|geo::parseNumber")),
]
FRAME = re.compile(r"^\s*([0-9a-f]+)\s+(.*?)\s+\((.*)\)\s*$")
GDAL = "/usr/lib/x86_64-linux-gnu/libgdal.so.32"
VTABLES = {"OGRLayer": "_ZTV8OGRLayer", "OGRGeometry": "_ZTV11OGRGeometry"}


def samples(lines):
    """Yields each sample as a list of (address, symbol, dso) frames, innermost first."""
    frames = []
    for line in lines:
        if not line.strip():
            if frames:
                yield frames
            frames = []
            continue
        m = FRAME.match(line)
        if m:
            frames.append((int(m.group(1), 16), m.group(2), m.group(3)))
    if frames:
        yield frames


def phase_of(symbols):
    for name, rx in COMPILED:
        if any(rx.search(sym) for sym in symbols):
            return name
    return None


def call_site(frames, executable):
    """The innermost return address into the executable, or None."""
    for address, _, dso in frames:
        if dso == executable:
            return address
    return None


def unnamed_callee(frames, executable):
    """Whether the function the innermost tianmu frame calls has no symbol (so perf could not
    name it, and its vtable slot is the only clue)."""
    for i, (_, _, dso) in enumerate(frames):
        if dso == executable:
            return i > 0 and frames[i - 1][1] == "[unknown]"
    return False


def run(args):
    try:
        return subprocess.run(args, capture_output=True, text=True, check=False).stdout
    except OSError:
        return ""


class VirtualSlots:
    """Method names by vtable offset for the classes in VTABLES (read from GDAL's relocations)."""

    def __init__(self):
        self.slots = None

    def names(self, offset):
        if self.slots is None:
            self.slots = defaultdict(list)
            starts = {}
            for line in run(["readelf", "-sW", GDAL]).splitlines():
                parts = line.split()
                if len(parts) == 8 and parts[7] in VTABLES.values():
                    starts[parts[7]] = int(parts[1], 16)
            wanted = {start + 16 + k * 8: (cls, k * 8) for cls, start in
                      ((c, starts.get(v)) for c, v in VTABLES.items()) if start
                      for k in range(200)}
            for line in run(["readelf", "-rW", GDAL]).splitlines():
                parts = line.split()
                if len(parts) >= 5 and re.fullmatch(r"[0-9a-f]+", parts[0]):
                    where = wanted.get(int(parts[0], 16))
                    if where:
                        demangled = run(["c++filt", parts[4]]).strip() or parts[4]
                        self.slots[where[1]].append(f"{where[0]}: {demangled}")
        return self.slots.get(offset, [])


def called_at(executable, return_address, slots):
    """What the call instruction ending at `return_address` (perf prints the return address
    minus one) calls, as text."""
    listing = run(["objdump", "-d", "--no-show-raw-insn", "-C",
                   f"--start-address={return_address - 32}", f"--stop-address={return_address + 1}",
                   executable])
    calls = [line for line in listing.splitlines() if "\tcall" in line]
    if not calls:
        return ""
    call = calls[-1]
    direct = re.search(r"<(.*)@plt>", call)
    if direct:
        return direct.group(1)
    virtual = re.search(r"call\s+\*(0x[0-9a-f]+)?\(%r", call)
    if virtual:
        return " or ".join(slots.names(int(virtual.group(1) or "0", 16))) or call.strip()
    return call.split("\t")[-1].strip()


def main():
    leaves_shown = 15
    if len(sys.argv) == 3 and sys.argv[1] == "--leaves":
        leaves_shown = int(sys.argv[2])
    all_samples = list(samples(sys.stdin))
    if not all_samples:
        sys.exit("perf_phases.py: no samples on stdin")
    # The executable: the dso of the frame that calls main's callers (tianmu's own frames).
    dsos = Counter(dso for frames in all_samples for _, sym, dso in frames
                   if sym.startswith(("geo::", "app::")))
    executable = dsos.most_common(1)[0][0] if dsos else ""

    # 1. The call site's callee, when the call is direct (through the PLT) and the callee names
    #    a phase: every sample under that call instruction is spent in that callee.
    slots = VirtualSlots()
    callees = {}

    def callee_phase(site, virtual):
        if site not in callees:
            callee = called_at(executable, site, slots)
            is_virtual = " or " in callee or callee.startswith(("OGRLayer: ", "OGRGeometry: "))
            candidates = {p for p in (phase_of([c]) for c in callee.split(" or ")) if p}
            callees[site] = (is_virtual, candidates.pop() if len(candidates) == 1 else None)
        is_virtual, phase = callees[site]
        return phase if is_virtual == virtual else None

    phases = Counter()
    charged = Counter()
    by_site = defaultdict(Counter)
    pending = []
    for frames in all_samples:
        site = call_site(frames, executable)
        phase = callee_phase(site, virtual=False) if site is not None else None
        if phase:
            phases[phase] += 1
            continue
        # 2. The outermost marker in the stack.
        phase = phase_of([sym for _, sym, _ in frames])
        if phase:
            phases[phase] += 1
            if site is not None:
                by_site[site][phase] += 1
        else:
            pending.append((frames, site))

    unmatched = Counter()
    for frames, site in pending:
        # 3. No marker (a stack through GDAL's internal functions): the phase most samples
        #    through the same call site matched; else, for a virtual call, the method in that
        #    vtable slot when only one of the candidate classes' methods names a phase.
        phase = None
        if site is not None:
            if by_site[site]:
                phase = by_site[site].most_common(1)[0][0]
            elif unnamed_callee(frames, executable):
                phase = callee_phase(site, virtual=True)
        if phase:
            phases[phase] += 1
            charged[phase] += 1
            continue
        # 4. Time spent in tianmu's own code.
        phase = next((name for name, rx in LEAF_PHASES if rx.search(frames[0][1])), None)
        if phase:
            phases[phase] += 1
        else:
            phases["other (no marker; see leaves below)"] += 1
            _, sym, dso = frames[0]
            unmatched[f"{sym} [{dso.rsplit('/', 1)[-1]}]"] += 1

    total = len(all_samples)
    print(f"{total} samples")
    print("   share  samples  (of which by call site only)  phase")
    for name, n in phases.most_common():
        print(f"{100.0 * n / total:6.1f} %  {n:7d}  {charged[name]:7d}  {name}")
    if unmatched:
        print("\nleaf functions of the samples no phase matched:")
        for name, n in unmatched.most_common(leaves_shown):
            print(f"{100.0 * n / total:6.1f} %  {n:7d}  {name[:150]}")


if __name__ == "__main__":
    main()
