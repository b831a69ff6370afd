#include "pipeline/cli/cli.hpp"

int main(int argc, char** argv) { return briefkit::cli::write_docs(argc, argv); }
