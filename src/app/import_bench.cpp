#include "app/import_bench.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <fstream>

#include <fmt/format.h>

#include "db/dashboard_queries.h"
#include "db/database.h"
#include "db/scratch_copy.h"
#include "import/import_run.h"

namespace raekoda::app {
namespace {

double wall_s() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

double peak_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void figure(std::ostream& out, std::string_view name, double value, std::string_view unit) {
  out << fmt::format("{} {:.3f} {}\n", name, value, unit);
}

// A register export as Delta writes it. With `changed`, every tenth row has been answered since.
void write_register_export(const std::filesystem::path& path, std::size_t rows, Date last,
                           bool changed) {
  static constexpr const char* types[] = {"Teabenõue", "Märgukiri", "Järelepärimine",
                                          "Kiri",      "Avaldus",   "Meediapäring"};
  static constexpr const char* units[] = {"Linnakantselei", "Haridusosakond",
                                          "Linnamajandusosakond", "Sotsiaalosakond",
                                          "Rahandusosakond"};
  std::ofstream out(path, std::ios::binary);
  out << "\xEF\xBB\xBF"
      << "Viit;Reg kpv;Pealkiri;Liik;toimik;Saatja/Saaja;Vastutaja struktuuriüksus;Vastutaja;"
         "Tähtaeg;Vastamise kpv\r\n";
  for (std::size_t i = 0; i < rows; ++i) {
    Date registered = last.plus_days(-static_cast<int>(i % 2000) - 30);
    std::string answered;
    if (i % 3 != 0 || (changed && i % 10 == 0))
      answered = registered.plus_days(static_cast<int>(i % 9) + (changed && i % 10 == 0)).display();
    out << "7-1/" << registered.year() << '-' << i << ';' << registered.display()
        << ";Pöördumine nr " << i << " tänavavalgustuse kohta;" << types[i % 6] << ";7-1;Saatja "
        << i % 997 << ';' << units[i % 5] << ";Vastutaja " << i % 61 << ";;" << answered << "\r\n";
  }
}

}  // namespace

void run_import_bench(const std::string& database, std::size_t rows, std::optional<Date> today,
                      std::ostream& out) {
  auto folder = std::filesystem::temp_directory_path() /
                ("raekoda-bench-import-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  auto file = folder / "register.csv";
  auto changed = folder / "register-changed.csv";
  Date day = today.value_or(Date::today());
  // Measured on a copy, so that benchmarking never changes the city's data.
  db::Database source = db::Database::open(database, db::OpenMode::existing);
  db::ScratchCopy copy(source);
  write_register_export(file, rows, day, false);
  write_register_export(changed, rows, day, true);
  figure(out, "import_file_size", static_cast<double>(std::filesystem::file_size(file)) / 1048576.0,
         "MiB");

  // Reading and mapping alone: every cell read as its field, nothing written.
  double start = wall_s();
  {
    auto reader = import::open_rows(file);
    import::RawRow row;
    std::vector<import::RawRow> first;
    while (first.size() < 30 && reader->next(row)) first.push_back(row);
    import::Guess guess =
        import::guess_layout(first, import::built_in_presets(), import::ImportKind::documents);
    std::vector<const import::TargetField*> fields;
    for (const std::string& key : guess.mapping.targets)
      fields.push_back(key.empty() ? nullptr : import::find_target(guess.kind, key));
    import::ValueRules rules;
    std::size_t cells = 0;
    auto read = [&](const import::RawRow& data) {
      for (std::size_t i = 0; i < data.cells.size() && i < fields.size(); ++i)
        if (fields[i]) cells += import::read_cell(*fields[i], data.cells[i], rules).value ? 1 : 0;
    };
    for (std::size_t i = guess.header_row + 1; i < first.size(); ++i) read(first[i]);
    while (reader->next(row)) read(row);
    if (cells == 0) out << "import_parse_read_nothing 1 flag\n";
  }
  double parse = wall_s() - start;
  figure(out, "import_parse_rows_per_s", static_cast<double>(rows) / parse, "rows/s");

  db::Database target = copy.open();
  ValidationContext context = db::load_validation_context(target, DateTime{day, 12 * 60});
  import::ImportRequest request;
  request.file = file;
  request.kind = import::ImportKind::documents;
  start = wall_s();
  import::ImportReport added = import::run_import(target, request, context);
  double first_import = wall_s() - start;
  figure(out, "import_new_rows_per_s", static_cast<double>(rows) / first_import, "rows/s");
  figure(out, "import_new_added", static_cast<double>(added.counts.added), "rows");
  figure(out, "import_new_refused", static_cast<double>(added.counts.refused), "rows");

  request.file = changed;
  start = wall_s();
  import::ImportReport again = import::run_import(target, request, context);
  double second_import = wall_s() - start;
  figure(out, "reimport_rows_per_s", static_cast<double>(rows) / second_import, "rows/s");
  figure(out, "reimport_updated", static_cast<double>(again.counts.updated), "rows");
  figure(out, "reimport_unchanged", static_cast<double>(again.counts.unchanged), "rows");
  figure(out, "import_peak_memory", peak_mib(), "MiB");
  std::filesystem::remove_all(folder);
}

}  // namespace raekoda::app
