// Converts one article with libbriefkit, as a user's service would: `consumer ARTICLE OUTDIR`
// reads the article, writes it in every output format under OUTDIR and prints its headline and
// how many repairs were made; an error is printed as the command line prints it, with its exit code.
#include <briefkit/briefkit.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: consumer ARTICLE OUTDIR\n";
        return 2;
    }
    try {
        const briefkit::Document doc = briefkit::read_file(argv[1]);
        for (const briefkit::FormatInfo& format : briefkit::output_formats()) {
            briefkit::write_file(doc, std::string(argv[2]) + "/article." + format.extensions.front(), format.name);
        }
        std::cout << "briefkit " << briefkit::version() << ": " << doc.meta.title << " (" << doc.notes.size()
                  << " repairs, " << doc.body.size() << " blocks)\n";
    } catch (const briefkit::Error& e) {
        std::cerr << "consumer: error: " << briefkit::describe(e) << "\n";
        return static_cast<int>(briefkit::exit_code(e));
    }
    return 0;
}
