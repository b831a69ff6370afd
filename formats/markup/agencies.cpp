#include "formats/markup/agencies.hpp"

#include <array>
#include <string>

#include "formats/markup/dates.hpp"

namespace briefkit::formats::markup {

namespace {

struct Agency {
    std::string_view folded;     // case-folded spelling to match
    std::string_view canonical;  // how the agency writes its own name
};

// Agencies and outlets whose bare name on a header line is read as the source, not a place, and
// that a web page's dateline or source line credits.
constexpr std::array<Agency, 58> kKnownAgencies{{
    {"reuters", "Reuters"},       {"reuter", "Reuters"},          {"ap", "AP"},
    {"associated press", "Associated Press"}, {"afp", "AFP"},     {"agence france-presse", "Agence France-Presse"},
    {"xinhua", "Xinhua"},         {"tass", "TASS"},               {"itar-tass", "ITAR-TASS"},
    {"ria novosti", "RIA Novosti"}, {"interfax", "Interfax"},     {"kabar", "Kabar"},
    {"akipress", "AKIpress"},     {"24.kg", "24.kg"},             {"kazinform", "Kazinform"},
    {"tengrinews", "Tengrinews"}, {"trend", "Trend"},             {"apa", "APA"},
    {"anadolu", "Anadolu"},       {"anadolu agency", "Anadolu Agency"}, {"aa", "AA"},
    {"dpa", "dpa"},               {"efe", "EFE"},                 {"ansa", "ANSA"},
    {"kyodo", "Kyodo"},           {"yonhap", "Yonhap"},           {"bloomberg", "Bloomberg"},
    {"upi", "UPI"},               {"bbc", "BBC"},                 {"bbc monitoring", "BBC Monitoring"},
    {"cna", "CNA"},               {"pti", "PTI"},                 {"ukrinform", "Ukrinform"},
    {"belta", "BelTA"},           {"sputnik", "Sputnik"},         {"interfax-ukraine", "Interfax-Ukraine"},
    {"kuna", "KUNA"},             {"wam", "WAM"},                 {"irna", "IRNA"},
    {"bernama", "Bernama"},       {"uza", "UzA"},                 {"кабар", "Кабар"},
    {"тасс", "ТАСС"},             {"интерфакс", "Интерфакс"},     {"риа новости", "РИА Новости"},
    {"акипресс", "АКИpress"},     {"казинформ", "Казинформ"},
    {"dpa-afx", "dpa-AFX"},       {"kna", "KNA"},                 {"epd", "epd"},
    {"sda", "SDA"},               {"keystone-sda", "Keystone-SDA"}, {"europa press", "Europa Press"},
    {"belga", "Belga"},           {"anp", "ANP"},                 {"pap", "PAP"},
    {"ctk", "ČTK"},               {"čtk", "ČTK"},
}};

}  // namespace

std::optional<std::string_view> known_agency(std::string_view text) {
    if (text.size() > 40) return std::nullopt;
    const std::string folded = fold_case(text);
    for (const Agency& a : kKnownAgencies) {
        if (folded == a.folded) return a.canonical;
    }
    return std::nullopt;
}

}  // namespace briefkit::formats::markup
