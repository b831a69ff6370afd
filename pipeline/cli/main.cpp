#include "pipeline/cli/cli.hpp"

int main(int argc, char** argv) { return briefkit::cli::run(argc, argv); }
