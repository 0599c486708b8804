#pragma once
// What the reliability cases share: the real program and the suite's helper run as children, a
// demo file made once per process, a virtual display for screenshots, and SQLite's own view of a
// file (its integrity check, its rows) read apart from Raekoda.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "reliability/child_process.h"
#include "support/temp_dir.h"

namespace raekoda::testing {

// `raekoda ARGS...` with the tests' settings folder (no developer's language) and the virtual
// display; a command that never ends is killed after `options.time_limit`.
ChildResult run_raekoda(const std::vector<std::string>& args, ChildOptions options = {});
// The suite's helper (reliability_saver.cpp).
std::vector<std::string> saver(const std::vector<std::string>& args);
ChildResult run_saver(const std::vector<std::string>& args, ChildOptions options = {});
// The options that put a child's DISPLAY on the suite's Xvfb, started at the first use.
void use_display(ChildOptions& options);

// A copy at `path` of `raekoda demo-data --until 2026-11-22` (three years), written once per
// process.
void copy_demo_file(const std::filesystem::path& path);
// A small file of the suite's helper: `rows` documents with the counter 0 in title and sender.
void make_small_file(const std::filesystem::path& path, int rows);

// "ok", or the first thing SQLite's integrity check (or its open) finds wrong. With
// `may_recover` it opens the file for writing, so that a hot journal a killed writer left is
// rolled back first, as the next program to open it would.
std::string integrity(const std::filesystem::path& file, bool may_recover = false);
// The first column of the first row of `sql` on `file`, read with SQLite alone; -1 on an error.
std::int64_t query_number(const std::filesystem::path& file, const std::string& sql);
std::string query_text(const std::filesystem::path& file, const std::string& sql);
// The rows of every table, summed: what a copy must carry over whole.
std::int64_t all_rows(const std::filesystem::path& file);

// One line, "raekoda: ..." in the user's language, and not a catch-all ("Unexpected error",
// "Database error"): what a refusal must be. `why` says what is wrong with it otherwise.
bool clear_refusal(const ChildResult& result, std::string* why = nullptr);

// A whole PNG (signature and IEND) or PDF (header and %%EOF).
bool whole_png(const std::string& bytes);
bool whole_pdf(const std::string& bytes);

// Leaves a folder and what it holds to be read (and, with `writable`, written) by "nobody".
void open_to_everyone(const std::filesystem::path& path, bool writable);

}  // namespace raekoda::testing
