#include "pipeline/batch.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <locale>
#include <map>
#include <mutex>
#include <thread>

#include "pipeline/input_reader.hpp"
#include "pipeline/manifest.hpp"
#include "pipeline/model/hash.hpp"
#include "pipeline/model/version.hpp"
#include "pipeline/output_file.hpp"

namespace briefkit {

namespace {

std::atomic<bool> g_stop{false};

}  // namespace

std::string options_fingerprint(const BatchOptions& options) {
    const ConversionOptions& convert = options.convert;
    std::string key = fmt::format("briefkit {}|", kVersion);
    for (const WriterEntry* f : convert.formats) key += fmt::format("{},", f->name);
    key += fmt::format("|order={}|encoding={}|max={}|style={}", static_cast<int>(convert.read.date_order),
                       static_cast<int>(convert.read.encoding), convert.read.max_input_size, convert.write.style);
    if (!convert.read.from.empty()) key += fmt::format("|from={}", convert.read.from);
    for (const WriterEntry& w : writers()) {
        if (w.settings_key != nullptr) key += w.settings_key(convert.write);
    }
    return sha256_hex(key).substr(0, 32);
}

void request_stop() noexcept { g_stop.store(true); }

namespace {

// The extensions of the files a batch writes, for StemClaims.
std::vector<std::string> output_extensions(const ConversionOptions& convert) {
    std::vector<std::string> extensions;
    for (const WriterEntry* format : convert.formats) extensions.emplace_back(format->extension);
    return extensions;
}

// What became of one input, waiting to be reported in input order.
struct Outcome {
    ManifestRecord record;
    std::optional<Error> error;
    std::vector<std::string> warnings;
    std::string to_stdout;  // the output, in standard-output mode
    std::string line;       // the manifest line, made by the worker outside the lock
};

// True when the outputs the manifest lists are still there, byte for byte: one per format for
// each article of the input.
bool outputs_intact(const ManifestRecord& old, const BatchOptions& options) {
    const std::vector<const WriterEntry*>& formats = options.convert.formats;
    if (formats.empty() || old.outputs.empty() || old.outputs.size() % formats.size() != 0) return false;
    for (std::size_t f = 0; f < old.outputs.size(); ++f) {
        const ManifestOutput& o = old.outputs[f];
        std::error_code ec;
        if (o.format != formats[f % formats.size()]->name || std::filesystem::file_size(o.path, ec) != o.bytes || ec) {
            return false;
        }
        if (sha256_hex(read_file_or_empty(o.path)) != o.sha256) return false;
    }
    return true;
}

/// Fills the cache behind std::ctype<char>::narrow() for every byte. libstdc++ fills it lazily,
/// and std::regex's compiler calls it, so workers compiling the reader's regular expressions
/// for the first time at once would write it together (GCC bug 77704: harmless, as each
/// writes the same byte, but a data race all the same, which ThreadSanitizer reports).
/// Filled before the workers start, it is only ever read by them.
void fill_narrow_cache() {
    const auto& ctype = std::use_facet<std::ctype<char>>(std::locale());
    for (int c = 1; c < 256; ++c) (void)ctype.narrow(static_cast<char>(c), '\0');
}

/// Hands out a batch's inputs one at a time: from a list, or walked from the arguments.
using InputSource = std::function<std::optional<Input>()>;

class Engine {
public:
    Engine(InputSource source, std::size_t total, bool global_check, const BatchOptions& options,
           const BatchEvents& events)
        : source_(std::move(source)),
          global_check_(global_check),
          claimed_(output_extensions(options.convert)),
          options_(options),
          events_(events),
          fingerprint_(options_fingerprint(options)),
          converter_(options.convert) {
        result_.total = total;
    }

    BatchResult run() {
        const auto start = std::chrono::steady_clock::now();
        if (!options_.to_stdout) open_manifest();
        const unsigned workers =
            std::max(1U, std::min<unsigned>(options_.jobs, static_cast<unsigned>(std::max<std::size_t>(result_.total, 1))));
        std::vector<std::thread> threads;
        if (workers > 1) fill_narrow_cache();
        for (unsigned w = 1; w < workers; ++w) threads.emplace_back([this] { work(); });
        work();
        for (std::thread& t : threads) t.join();
        result_.interrupted = g_stop.load() && !exhausted_;
        // After a failed manifest write there is no compaction. The manifest still ends in whole
        // records and this run's temporary files are gone, so the marker goes either way: a
        // rerun has nothing to sweep, and redoes whatever the manifest does not record.
        if (manifest_error_) result_.manifest_error = manifest_error_;
        if (manifest_) manifest_->finish(!manifest_error_);
        result_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return result_;
    }

private:
    static constexpr std::size_t kWindow = 1024;  // most inputs finished ahead of the oldest one in flight

    /// Opens the manifest: the one given, or `.briefkit/manifest.ndjson` (one per shard) in the
    /// output folder, whose `.briefkit` folder is not written through a link.
    void open_manifest() {
        std::filesystem::path path = options_.manifest;
        if (path.empty()) {
            path = options_.output_dir / ".briefkit" /
                   (options_.shard ? fmt::format("manifest-{}-of-{}.ndjson", options_.shard->index, options_.shard->count)
                                   : std::string("manifest.ndjson"));
            refuse_links_below(options_.output_dir, ".briefkit", path.string());
        }
        manifest_.emplace(path, options_.output_dir);
    }

    // The next input of this shard, with a collision noted; called under the lock.
    std::optional<Input> pull() {
        while (std::optional<Input> input = source_()) {
            if (options_.shard && !in_shard(input->stem, *options_.shard)) continue;
            // Two inputs that would write the same output file: the later one fails rather than overwrite.
            if (global_check_ && !options_.to_stdout && input->problem.empty() && input->overwrites.empty()) {
                input->overwrites = claimed_.claim(input->stem, input->display);
            }
            if (options_.to_stdout) input->overwrites.clear();
            return input;
        }
        exhausted_ = true;
        return std::nullopt;
    }

    // Two locks, each held briefly: input_mutex_ hands out inputs (the folder walk), and mutex_
    // orders finished ones. Manifest records that are due are queued under mutex_ and written
    // outside it by one worker at a time, so no worker ever waits for another's write.
    void work() {
        for (;;) {
            // The window is nearly always open, and then no lock is needed to see it. (emitted_ is
            // read first: it never passes next_, which only grows, so the difference cannot wrap.)
            const std::size_t emitted = emitted_.load();
            if (next_.load() - emitted >= kWindow) {
                std::unique_lock<std::mutex> lock(mutex_);
                ready_.wait(lock, [this] { return next_.load() - emitted_.load() < kWindow || g_stop.load() || halted_; });
            }
            if (g_stop.load() || halted_.load() || exhausted_.load()) return;
            std::size_t slot = 0;
            std::optional<Input> input;
            {
                const std::lock_guard<std::mutex> lock(input_mutex_);
                if (exhausted_.load()) return;
                input = pull();
                if (!input) return;
                slot = next_++;
            }
            Outcome outcome = process(*input);
            if (manifest_) outcome.line = to_json_line(outcome.record);
            std::string lines;  // manifest records this worker is to write, in input order
            {
                const std::lock_guard<std::mutex> lock(mutex_);
                pending_.emplace(slot, std::move(outcome));
                while (!pending_.empty() && pending_.begin()->first == emitted_.load()) {
                    emit(pending_.begin()->second, unwritten_);
                    pending_.erase(pending_.begin());
                    ++emitted_;
                }
                ready_.notify_all();
                // Whoever writes now also writes what the others queue meanwhile, in the same order.
                if (!unwritten_.empty() && !writing_) {
                    writing_ = true;
                    lines.swap(unwritten_);
                }
            }
            if (!lines.empty()) write_manifest(std::move(lines));
        }
    }

    /// Appends `lines` to the manifest, then whatever other workers queued meanwhile, until none
    /// is left. A failure stops the batch: without its manifest a batch cannot be resumed.
    void write_manifest(std::string lines) {
        for (;;) {
            std::optional<Error> failure;
            try {
                manifest_->append(lines);
            } catch (const Error& e) {
                failure = e;
            }
            const std::lock_guard<std::mutex> lock(mutex_);
            if (failure) {
                if (!manifest_error_) manifest_error_ = std::move(failure);
                halted_ = true;
                writing_ = false;
                ready_.notify_all();
                return;
            }
            lines.clear();
            if (unwritten_.empty()) {
                writing_ = false;
                return;
            }
            lines.swap(unwritten_);
        }
    }

    Outcome process(const Input& input) {
        Outcome out;
        ManifestRecord& rec = out.record;
        rec.input = input.display;
        rec.options = fingerprint_;
        try {
            if (!input.overwrites.empty()) {
                throw OutputError(
                    fmt::format("its outputs would overwrite those of {}; rename one of them", input.overwrites),
                    input.display);
            }
            Conversion made = converter_.convert(input, [&](std::string_view bytes) { return done_before(bytes, rec); });
            if (made.skipped) return out;
            rec.id = made.articles.front().document.id;
            rec.notes = 0;
            for (const ConvertedArticle& article : made.articles) rec.notes += article.document.notes.size();
            out.warnings = std::move(made.warnings);
            if (options_.to_stdout) {
                for (const ConvertedArticle& article : made.articles) {
                    for (const std::string& output : article.outputs) out.to_stdout += output;
                }
            } else {
                write_outputs(input, made.articles, rec);
            }
            rec.status = InputStatus::converted;
        } catch (Error& e) {
            fail(out, e, input);
        } catch (const std::bad_alloc&) {
            LimitError e = out_of_memory(input.display);
            fail(out, e, input);
        }
        return out;
    }

    /// Records the hash of an input's `bytes` in `rec`; true, with `rec` made the manifest's
    /// earlier record marked skipped, when that record shows the same bytes converted with the
    /// same options and its outputs are intact (and --force is not given).
    bool done_before(std::string_view bytes, ManifestRecord& rec) const {
        rec.input_sha256 = sha256_hex(bytes);
        if (!manifest_ || options_.force) return false;
        const std::optional<ManifestRecord> old = manifest_->previous(rec.input);
        const bool done = old && (old->status == InputStatus::converted || old->status == InputStatus::skipped) &&
                          old->input_sha256 == rec.input_sha256 && old->options == fingerprint_ &&
                          outputs_intact(*old, options_);
        if (!done) return false;
        rec = *old;
        rec.status = InputStatus::skipped;
        return true;
    }

    /// The output files of `input`, one per format.
    /// The output files of `input`'s `count` articles: for each article, one per format.
    std::vector<std::filesystem::path> targets_of(const Input& input, std::size_t count) const {
        std::vector<std::filesystem::path> targets;
        for (std::size_t a = 0; a < count; ++a) {
            for (const WriterEntry* format : options_.convert.formats) {
                std::filesystem::path target = options_.output_dir / article_stem(input.stem, a, count);
                target += "." + std::string(format->extension);
                targets.push_back(std::move(target));
            }
        }
        return targets;
    }

    /// Throws OutputError when one of `targets` is the file `input` was read from: one stat of
    /// the input, one of each target that exists.
    void refuse_replacing_input(const Input& input, const std::vector<std::filesystem::path>& targets) const {
        struct stat source {};
        if (input.from_stdin || ::stat(input.path.c_str(), &source) != 0) return;
        for (std::size_t f = 0; f < targets.size(); ++f) {
            struct stat target {};
            if (::stat(targets[f].c_str(), &target) == 0 && target.st_dev == source.st_dev &&
                target.st_ino == source.st_ino) {
                const WriterEntry& format = *options_.convert.formats[f % options_.convert.formats.size()];
                throw OutputError(fmt::format("its {} output {} would replace the input itself; give another -o",
                                              format.name, targets[f].string()),
                                  input.display);
            }
        }
    }

    /// Writes the outputs of `input`, made in memory, and lists them in `rec`. An output that
    /// would replace the input itself fails the input before anything is written; an output that
    /// cannot be written removes those written before it, so a failed input leaves none behind.
    void write_outputs(const Input& input, const std::vector<ConvertedArticle>& articles, ManifestRecord& rec) const {
        if (input.stem.find('/') != std::string::npos) {
            refuse_links_below(options_.output_dir, std::filesystem::path(input.stem).parent_path(), input.display);
        }
        const std::vector<std::filesystem::path> targets = targets_of(input, articles.size());
        refuse_replacing_input(input, targets);
        std::vector<std::filesystem::path> done;
        try {
            std::size_t t = 0;
            for (const ConvertedArticle& article : articles) {
                for (std::size_t f = 0; f < article.outputs.size(); ++f, ++t) {
                    const std::filesystem::path& target = targets[t];
                    const std::string& bytes = article.outputs[f];
                    // A file that already holds these bytes is kept: replacing a file costs a flush
                    // on ext4, so a rerun with --force over an unchanged tree replaces nothing.
                    write_file_atomically(target, bytes, Existing::keep_if_same,
                                          options_.sync ? Flush::to_disk : Flush::none);
                    done.push_back(target);
                    rec.outputs.push_back({std::string(options_.convert.formats[f]->name), target.string(), bytes.size(),
                                           sha256_hex(bytes)});
                }
            }
        } catch (const Error&) {
            for (const std::filesystem::path& target : done) {
                std::error_code ec;
                std::filesystem::remove(target, ec);
            }
            throw;
        }
    }

    /// Records `e` as the failure of `input`.
    static void fail(Outcome& out, Error& e, const Input& input) {
        e.name_file_if_unnamed(input.display);
        ManifestRecord& rec = out.record;
        rec.status = InputStatus::failed;
        rec.outputs.clear();
        rec.error_code = e.error_class();
        rec.error = describe(e);
        out.error = e;
    }

    // Reports one finished input and adds its manifest record to `lines`; called in input order, under the lock.
    void emit(Outcome& outcome, std::string& lines) {
        if (options_.to_stdout && !outcome.error) {
            std::cout << outcome.to_stdout << std::flush;
            if (!std::cout) {
                outcome.error = OutputError("cannot write to standard output");
                outcome.record.status = InputStatus::failed;
            }
        }
        if (outcome.record.status == InputStatus::converted) ++result_.converted;
        if (outcome.record.status == InputStatus::skipped) ++result_.skipped;
        if (outcome.record.status == InputStatus::failed) ++result_.failed;
        if (manifest_) {
            if (!lines.empty()) lines += '\n';
            lines += outcome.line;
        }
        if (outcome.error && events_.error) events_.error(*outcome.error);
        if (events_.warning) {
            for (const std::string& w : outcome.warnings) events_.warning(outcome.record.input, w);
        }
        if (events_.progress) events_.progress(result_);
    }

    InputSource source_;
    bool global_check_;
    std::atomic<bool> exhausted_ = false;
    std::atomic<bool> halted_ = false;      // a manifest write failed: hand out nothing more (set under mutex_)
    std::string unwritten_;                 // manifest records due but not yet written (under mutex_)
    bool writing_ = false;                  // a worker is writing the manifest (under mutex_)
    std::optional<Error> manifest_error_;   // that failure, reported when the workers are done
    StemClaims claimed_;  // output stems -> input, when arguments could collide
    const BatchOptions& options_;
    const BatchEvents& events_;
    const std::string fingerprint_;
    const Converter converter_;
    std::optional<ManifestSession> manifest_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::mutex input_mutex_;
    std::atomic<std::size_t> next_ = 0;
    std::atomic<std::size_t> emitted_ = 0;
    std::map<std::size_t, Outcome> pending_;
    BatchResult result_;
};

}  // namespace

BatchResult run_batch(const std::vector<Input>& inputs, const BatchOptions& options, const BatchEvents& events) {
    std::size_t total = 0;
    for (const Input& input : inputs) total += !options.shard || in_shard(input.stem, *options.shard) ? 1 : 0;
    std::size_t next = 0;
    return Engine([&]() -> std::optional<Input> { return next < inputs.size() ? std::optional(inputs[next++]) : std::nullopt; },
                  total, true, options, events)
        .run();
}

InputCount count_inputs(const std::vector<std::string>& arguments, const std::string& glob,
                        const std::optional<Shard>& shard, const std::filesystem::path& output_dir) {
    InputWalker walker(arguments, glob);
    if (!output_dir.empty()) walker.skip_folder(output_dir);
    InputCount count;
    while (const std::optional<Input> input = walker.next()) {
        ++count.all;
        if (!shard || in_shard(input->stem, *shard)) ++count.in_shard;
    }
    return count;
}

BatchResult run_batch(const std::vector<std::string>& arguments, const std::string& glob, std::size_t total,
                      const BatchOptions& options, const BatchEvents& events) {
    InputWalker walker(arguments, glob);
    walker.follow_links(options.follow_links);
    walker.output_extensions(output_extensions(options.convert));
    if (!options.to_stdout) walker.skip_folder(options.output_dir);
    const bool global_check = walker.needs_global_check();
    return Engine([&walker] { return walker.next(); }, total, global_check, options, events).run();
}

}  // namespace briefkit
