// The document id: it follows the content, not the notes or the damage the file carried.
#include <catch2/catch.hpp>

#include "pipeline/model/hash.hpp"
#include "support/test_support.hpp"

using namespace briefkit;

TEST_CASE("hash: the id depends on content, not on notes or the date's raw text") {
    Document a = test::every_kind("x");
    Document b = a;
    b.notes.clear();
    b.meta.date->text = "2020-05-27T04:58:41";
    CHECK(document_id(a) == document_id(b));
    b.meta.title = "y";
    CHECK(document_id(a) != document_id(b));
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
