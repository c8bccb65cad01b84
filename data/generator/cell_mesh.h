// A planar partition of the county into small convex cells: the Voronoi diagram of one
// jittered point per grid square. Parcels, villages and townships are unions of cells, so
// they share their edges exactly (no gaps, no overlaps) by construction.
//
// A Voronoi vertex is named by the three cells that meet there and its coordinates are
// computed from those three points in a fixed order, so every cell that uses it gets the
// identical bits. Edges get a few deterministic "digitising" kinks, the same for both sides.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "county.h"

namespace sample {

using CellId = std::int32_t;

struct VertexKey {
    std::array<CellId, 3> cells{}; // sorted ascending
    bool operator==(const VertexKey&) const = default;
};

struct VertexKeyHash {
    std::size_t operator()(const VertexKey& k) const noexcept;
};

// One edge of a cell, walked counter-clockwise: from `from` to `to`, with the cell `across`.
struct CellEdge {
    VertexKey from;
    VertexKey to;
    CellId cell = -1;
    CellId across = -1;
};

class CellMesh {
public:
    // A grid of `columns` × `rows` squares of `spacing` metres, south-west corner at (x0, y0).
    CellMesh(int columns, int rows, double spacing, double x0, double y0, std::uint64_t seed);

    int columns() const noexcept { return m_columns; }
    int rows() const noexcept { return m_rows; }
    double spacing() const noexcept { return m_spacing; }
    std::size_t cellCount() const noexcept { return m_points.size(); }
    CellId cellAt(int column, int row) const noexcept { return row * m_columns + column; }
    int columnOf(CellId c) const noexcept { return c % m_columns; }
    int rowOf(CellId c) const noexcept { return c / m_columns; }
    const Point& site(CellId c) const noexcept { return m_points[static_cast<std::size_t>(c)]; }

    // Cells whose Voronoi polygon can be built exactly (far enough from the grid border).
    bool isInterior(CellId c) const noexcept;

    // The cells sharing an edge with `c`, counter-clockwise; empty for non-interior cells.
    std::span<const CellId> neighbours(CellId c) const noexcept;
    // The Voronoi cell's edges, counter-clockwise (empty for non-interior cells).
    std::vector<CellEdge> edges(CellId c) const;

    Point vertex(const VertexKey& key) const noexcept;

    // The kinks of the edge between two vertices, in walking order from `from` to `to`.
    void appendEdgeInterior(const CellEdge& edge, std::vector<Point>& out) const;

    // The cell containing a map position (the nearest site), or -1 outside the grid.
    CellId cellContaining(double x, double y) const noexcept;

private:
    std::vector<CellId> clipNeighbours(CellId c) const;

    int m_columns;
    int m_rows;
    double m_spacing;
    double m_x0;
    double m_y0;
    std::uint64_t m_seed;
    std::vector<Point> m_points;
    std::vector<std::uint32_t> m_neighbourStart; // CSR adjacency: cell c's neighbours are
    std::vector<CellId> m_neighbours;            // m_neighbours[start[c] .. start[c+1])
};

} // namespace sample
