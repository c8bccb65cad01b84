// Text that keeps up to 23 bytes inside the object and only longer text on the heap. A parcel's
// id (BSM, 18 digits) and village code (ZLDWDM, 19 digits) are just too long for std::string's
// inline buffer (15 bytes): at a million parcels that was two million small blocks, each a
// malloc, a free and its share of fresh 4 KiB pages (measured: 1.5 % of classification's CPU
// in page faults under those mallocs alone, on a machine where a fault costs 11 µs).
// It is 24 bytes, its length in the last of them (the length once sat after the text and made
// it 32 with padding; a land-use code, DLBM, is one too, instead of a 32-byte std::string:
// a parcel record went from 120 bytes to 96, 24 MB less fresh memory at a million parcels).
#pragma once

#include <compare>
#include <cstddef>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

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
        if (onHeap()) {
            const Heap h = heap();
            return std::string_view(h.data, h.size);
        }
        return std::string_view(m_bytes, static_cast<unsigned char>(m_bytes[tagAt]));
    }
    operator std::string_view() const noexcept { return view(); } // NOLINT: reads as text
    std::string str() const { return std::string(view()); }
    std::size_t size() const noexcept {
        return onHeap() ? heap().size : static_cast<unsigned char>(m_bytes[tagAt]);
    }
    bool empty() const noexcept { return size() == 0; }
    bool onHeap() const noexcept { return static_cast<unsigned char>(m_bytes[tagAt]) == heapMark; }

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
    // In byte order, as std::string compares: ISO dates (a contract's start and end) compare as
    // the days they name.
    friend auto operator<=>(const CompactText& a, const CompactText& b) noexcept {
        return a.view() <=> b.view();
    }
    friend auto operator<=>(const CompactText& a, std::string_view b) noexcept {
        return a.view() <=> b;
    }
    friend auto operator<=>(const CompactText& a, const std::string& b) noexcept {
        return a.view() <=> std::string_view(b);
    }
    friend auto operator<=>(const CompactText& a, const char* b) noexcept {
        return a.view() <=> std::string_view(b);
    }
    friend std::string operator+(std::string a, const CompactText& b) {
        return std::move(a.append(b.view()));
    }
    friend std::string operator+(const CompactText& a, std::string_view b) {
        return std::string(a.view()).append(b);
    }
    friend std::ostream& operator<<(std::ostream& out, const CompactText& text) {
        return out << text.view();
    }

private:
    static constexpr unsigned char heapMark = 0xFF;
    static constexpr std::size_t tagAt = inlineCapacity; // the last byte: length or heapMark

    struct Heap {
        char* data;
        std::size_t size;
    };
    // A heap block's pointer and size sit in the first 16 bytes; copied in and out with
    // memcpy, as the bytes are not a Heap object.
    Heap heap() const noexcept {
        Heap h;
        std::memcpy(&h, m_bytes, sizeof h);
        return h;
    }
    void setTag(unsigned char tag) noexcept { m_bytes[tagAt] = static_cast<char>(tag); }

    void assign(std::string_view text) {
        if (text.size() <= inlineCapacity) {
            // Copied before the heap block is let go: `text` may lie in it.
            char copy[inlineCapacity];
            if (!text.empty())
                std::memcpy(copy, text.data(), text.size());
            release();
            if (!text.empty())
                std::memcpy(m_bytes, copy, text.size());
            setTag(static_cast<unsigned char>(text.size()));
            return;
        }
        char* data = new char[text.size()];
        std::memcpy(data, text.data(), text.size());
        release();
        const Heap h{data, text.size()};
        std::memcpy(m_bytes, &h, sizeof h);
        setTag(heapMark);
    }
    void take(CompactText& other) noexcept {
        std::memcpy(m_bytes, other.m_bytes, sizeof m_bytes);
        other.setTag(0);
    }
    void release() noexcept {
        if (onHeap())
            delete[] heap().data;
        setTag(0);
    }

    // Inline: the text in [0, inlineCapacity), its length in the last byte. On the heap: a
    // Heap at the start, heapMark in the last byte. 24 bytes in all, aligned for the pointer.
    alignas(alignof(Heap)) char m_bytes[inlineCapacity + 1] = {};
    static_assert(inlineCapacity < heapMark && sizeof(Heap) <= inlineCapacity);
};

static_assert(sizeof(CompactText) == CompactText::inlineCapacity + 1,
              "the length shares the text's 24 bytes");

} // namespace geo
