// Text that keeps up to 23 bytes inside the object and only longer text on the heap. A parcel's
// id (BSM, 18 digits) and village code (ZLDWDM, 19 digits) are just too long for std::string's
// inline buffer (15 bytes): at a million parcels that was two million small blocks, each a
// malloc, a free and its share of fresh 4 KiB pages (measured: 1.5 % of classification's CPU
// in page faults under those mallocs alone, on a machine where a fault costs 11 µs).
#pragma once

#include <cstddef>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>

namespace geo {

class CompactText {
public:
    static constexpr std::size_t inlineCapacity = 23;

    CompactText() noexcept = default;
    CompactText(std::string_view text) { assign(text); } // NOLINT: converts like std::string
    CompactText(const std::string& text)
        : CompactText(std::string_view(text)) {} // NOLINT
    CompactText(const char* text)
        : CompactText(std::string_view(text)) {} // NOLINT
    CompactText(const CompactText& other) { assign(other.view()); }
    CompactText(CompactText&& other) noexcept { take(other); }
    ~CompactText() { release(); }

    CompactText& operator=(const CompactText& other) {
        if (this != &other)
            assign(other.view());
        return *this;
    }
    CompactText& operator=(CompactText&& other) noexcept {
        if (this != &other) {
            release();
            take(other);
        }
        return *this;
    }
    CompactText& operator=(std::string_view text) {
        assign(text);
        return *this;
    }
    CompactText& operator=(const std::string& text) { return *this = std::string_view(text); }
    CompactText& operator=(const char* text) { return *this = std::string_view(text); }

    std::string_view view() const noexcept {
        return onHeap() ? std::string_view(m_data.heap.data, m_data.heap.size)
                        : std::string_view(m_data.text, m_size);
    }
    operator std::string_view() const noexcept { return view(); } // NOLINT: reads as text
    std::string str() const { return std::string(view()); }
    std::size_t size() const noexcept { return onHeap() ? m_data.heap.size : m_size; }
    bool empty() const noexcept { return size() == 0; }
    bool onHeap() const noexcept { return m_size == heapMark; }

    friend bool operator==(const CompactText& a, const CompactText& b) noexcept {
        return a.view() == b.view();
    }
    friend bool operator==(const CompactText& a, std::string_view b) noexcept {
        return a.view() == b;
    }
    friend bool operator==(const CompactText& a, const std::string& b) noexcept {
        return a.view() == std::string_view(b);
    }
    friend bool operator==(const CompactText& a, const char* b) noexcept {
        return a.view() == std::string_view(b);
    }
    friend std::ostream& operator<<(std::ostream& out, const CompactText& text) {
        return out << text.view();
    }

private:
    static constexpr unsigned char heapMark = 0xFF;

    void assign(std::string_view text) {
        if (text.size() <= inlineCapacity) {
            // Copied before the heap block is let go: `text` may lie in it.
            char copy[inlineCapacity];
            if (!text.empty())
                std::memcpy(copy, text.data(), text.size());
            release();
            if (!text.empty())
                std::memcpy(m_data.text, copy, text.size());
            m_size = static_cast<unsigned char>(text.size());
            return;
        }
        char* data = new char[text.size()];
        std::memcpy(data, text.data(), text.size());
        release();
        m_data.heap = {data, text.size()};
        m_size = heapMark;
    }
    void take(CompactText& other) noexcept {
        m_data = other.m_data;
        m_size = other.m_size;
        other.m_size = 0;
    }
    void release() noexcept {
        if (onHeap())
            delete[] m_data.heap.data;
        m_size = 0;
    }

    struct Heap {
        char* data;
        std::size_t size;
    };
    union Data {
        char text[inlineCapacity];
        Heap heap;
    } m_data{};
    unsigned char m_size = 0; // the inline length, or heapMark
};

} // namespace geo
