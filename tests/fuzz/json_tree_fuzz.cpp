// Fuzz target: Briefkit's strict JSON parser against nlohmann-json, the library it replaced for
// speed. Both must accept the same texts (nlohmann-json refusing, besides, what Briefkit refuses
// on purpose: a key given twice and nesting past --max-depth), and read them into the same values.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "formats/markup/json_tree.hpp"
#include "fuzz_support.hpp"

namespace {

using briefkit::formats::markup::JsonKind;
using briefkit::formats::markup::JsonValue;

/// `value` as nlohmann-json holds it.
nlohmann::json to_nlohmann(const JsonValue& value) {
    switch (value.kind) {
        case JsonKind::null: return nullptr;
        case JsonKind::boolean: return value.truth;
        case JsonKind::number: return nlohmann::json::parse(value.text);
        case JsonKind::string: return std::string(value.text);
        case JsonKind::array: {
            nlohmann::json out = nlohmann::json::array();
            for (const JsonValue& item : value.items()) out.push_back(to_nlohmann(item));
            return out;
        }
        case JsonKind::object: {
            nlohmann::json out = nlohmann::json::object();
            for (const auto& member : value.members()) out[std::string(member.key)] = to_nlohmann(member.value);
            return out;
        }
    }
    return nullptr;
}

/// True when `text` has an object with a key given twice, which nlohmann-json keeps the last of.
bool has_repeated_key(std::string_view text) {
    bool repeated = false;
    // The keys of each open object, through the SAX interface.
    struct Keys : nlohmann::json_sax<nlohmann::json> {
        std::vector<std::vector<std::string>> open;
        bool* repeated;
        explicit Keys(bool* r) : repeated(r) {}
        bool null() override { return true; }
        bool boolean(bool) override { return true; }
        bool number_integer(number_integer_t) override { return true; }
        bool number_unsigned(number_unsigned_t) override { return true; }
        bool number_float(number_float_t, const string_t&) override { return true; }
        bool string(string_t&) override { return true; }
        bool binary(binary_t&) override { return true; }
        bool start_object(std::size_t) override {
            open.emplace_back();
            return true;
        }
        bool key(string_t& k) override {
            auto& keys = open.back();
            if (std::find(keys.begin(), keys.end(), k) != keys.end()) *repeated = true;
            keys.push_back(k);
            return true;
        }
        bool end_object() override {
            open.pop_back();
            return true;
        }
        bool start_array(std::size_t) override {
            open.emplace_back();
            return true;
        }
        bool end_array() override {
            open.pop_back();
            return true;
        }
        bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
    } keys(&repeated);
    (void)nlohmann::json::sax_parse(text, &keys);
    return repeated;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    const std::string_view text = fuzz::as_text(data, size);
    ReadOptions options;
    options.max_depth = 64;
    std::optional<nlohmann::json> ours;
    try {
        ours = to_nlohmann(formats::markup::parse_json(text, "fuzz.json", options).root());
    } catch (const LimitError&) {
        return 0;  // nesting past 64: not compared
    } catch (const InputError&) {
    }
    // nlohmann-json takes a NUL byte for the end of the text, where Briefkit refuses it.
    if (text.find('\0') != std::string_view::npos) return 0;
    // nlohmann-json skips one byte-order mark itself, as Briefkit does; removing one here too let
    // it skip two (a fuzz finding: `BOM BOM ""`, which both refuse when each skips one).
    const nlohmann::json theirs = nlohmann::json::parse(text, nullptr, false);
    const bool they_accept = !theirs.is_discarded() && !has_repeated_key(text);
    fuzz::require(ours.has_value() == they_accept, "Briefkit's JSON parser and nlohmann-json disagree on accepting it");
    if (ours) fuzz::require(*ours == theirs, "Briefkit's JSON parser read a value nlohmann-json reads differently");
    return 0;
}
