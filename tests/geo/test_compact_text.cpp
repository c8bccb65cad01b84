#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "geo/compact_text.h"

TEST_CASE("compact text keeps parcel ids and village codes inside, longer text on the heap",
          "[compact_text]") {
    const std::string bsm = "430999000000000001";     // 18 digits
    const std::string zldwdm = "4309991002120000000"; // 19 digits
    const std::string longest = std::string(23, 'x');
    const std::string tooLong = "一个很长的宗地标识码"; // 30 bytes of UTF-8
    for (const std::string& s : {bsm, zldwdm, longest})
        CHECK_FALSE(geo::CompactText(s).onHeap());
    CHECK(geo::CompactText(tooLong).onHeap());
    for (const std::string& s :
         {std::string(), bsm, zldwdm, longest, tooLong, std::string("a\0b", 3)}) {
        INFO(s);
        const geo::CompactText t(s);
        CHECK(t.view() == s);
        CHECK(t.str() == s);
        CHECK(t.size() == s.size());
        CHECK(t.empty() == s.empty());
        CHECK(t == s);
        std::ostringstream out;
        out << t;
        CHECK(out.str() == s);
    }
    CHECK_FALSE(geo::CompactText(bsm) == zldwdm);
    CHECK(geo::CompactText("0101") == "0101");
}

TEST_CASE("compact text copies, moves and reassigns without losing or sharing its text",
          "[compact_text]") {
    const std::string shortText = "4309991002120000000";
    const std::string longText = "a village code far longer than twenty-three bytes";
    for (const std::string& first : {shortText, longText})
        for (const std::string& second : {shortText, longText, std::string()}) {
            INFO(first << " / " << second);
            geo::CompactText a(first);
            geo::CompactText b(a); // copy
            CHECK(b == first);
            b = second; // from a std::string, over either kind
            CHECK(b == second);
            CHECK(a == first); // the copy was its own
            geo::CompactText c(std::move(a));
            CHECK(c == first);
            CHECK(a.empty()); // NOLINT: a moved-from text is empty, not dangling
            a = c;            // a moved-from text takes a value again
            CHECK(a == first);
            c = std::move(b);
            CHECK(c == second);
            c = c.view().substr(c.empty() ? 0 : 1); // from its own bytes, inline or on the heap
            CHECK(c == (second.empty() ? std::string() : second.substr(1)));
            const geo::CompactText& same = c;
            c = same; // self-assignment
            CHECK(c == (second.empty() ? std::string() : second.substr(1)));
        }
    // In a vector that grows, moves keep every text.
    std::vector<geo::CompactText> texts;
    for (int i = 0; i < 1000; ++i)
        texts.emplace_back((i % 2 ? longText : shortText) + std::to_string(i));
    for (int i = 0; i < 1000; ++i)
        REQUIRE(texts[static_cast<std::size_t>(i)] ==
                (i % 2 ? longText : shortText) + std::to_string(i));
}

TEST_CASE("compact text orders and joins as std::string does", "[compact_text]") {
    // Dates as a ledger writes them, one inline and one as long as to go on the heap.
    const std::string dates[] = {"2019-12-31", "2020-01-01", "2020-01-01 (signed again later)",
                                 "2026-06-30", ""};
    for (const std::string& a : dates)
        for (const std::string& b : dates) {
            INFO("'" << a << "' against '" << b << "'");
            const geo::CompactText ca(a), cb(b);
            CHECK((ca < cb) == (a < b));
            CHECK((ca <= b) == (a <= b));
            CHECK((ca > b.c_str()) == (a > b));
            CHECK((a.c_str() >= cb) == (a >= b));
            CHECK(("contract " + ca) == "contract " + a);
            CHECK((ca + " ends") == a + " ends");
        }
}
