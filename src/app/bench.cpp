#include "app/bench.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <exception>
#include <filesystem>
#include <functional>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "app/controller.h"
#include "app/headless.h"
#include "db/record_query.h"
#include "db/record_store.h"
#include "db/scratch_copy.h"
#include "plot/time_chart.h"
#include "report/report.h"

namespace raekoda::app {
namespace {

double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double wall_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

double percentile(std::vector<double> samples, double p) {
  std::sort(samples.begin(), samples.end());
  auto index = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1) + 0.5);
  return samples[std::min(index, samples.size() - 1)];
}

void figure(std::ostream& out, std::string_view name, double value, std::string_view unit) {
  out << fmt::format("{} {:.3f} {}\n", name, value, unit);
}

// A table each view's figures read, and one row a colleague's program changes in it.
const char* table_changed_for(View view) {
  switch (view) {
    case View::media:
      return "media_items";
    case View::plan:
      return "comm_activities";
    case View::incidents:
      return "incidents";
    case View::access:
      return "review_decisions";
    default:
      return "documents";
  }
}

// One frame as the window draws it while the pointer moves: a sixtieth of a second after the
// last one ended (the window sleeps in between, so each frame starts with caches other work has
// used), the change check made first. Its wall time, the sleep not counted.
double window_frame(Controller& controller, HeadlessImGui& imgui, int i) {
  std::this_thread::sleep_for(std::chrono::microseconds(16667));
  imgui.move_mouse(
      ImVec2(static_cast<float>(i % 160) * 10.0f, 150.0f + static_cast<float>(i % 80) * 10.0f));
  double before = wall_ms();
  controller.poll_for_changes();
  imgui.frame([&] { controller.draw_frame(imgui.fonts()); });
  return wall_ms() - before;
}

// Frames until the reader's figures are swapped in: the longest one's wall time.
double longest_frame_until_read(Controller& controller, HeadlessImGui& imgui,
                                const std::function<void()>& before_first) {
  std::uint64_t taken = controller.updates_taken();
  double longest = 0;
  before_first();
  double until = wall_ms() + 60000;
  for (int i = 0; controller.updates_taken() == taken && wall_ms() < until; ++i)
    longest = std::max(longest, window_frame(controller, imgui, i));
  return longest;
}

// A colleague's program commits one UPDATE to a row of `table`, through a connection of its own
// on a thread of its own, as it would on its own computer: the commit is never part of the
// window's thread or its frames. The thread is joined before the next frame, so what is measured
// after it starts at its commit.
void colleague_saves(const db::ScratchCopy& copy, const std::string& table) {
  std::exception_ptr failed;
  std::thread colleague([&copy, &failed, &table] {
    try {
      copy.open().exec("UPDATE " + table + " SET version = version + 1 WHERE id = " +
                       "(SELECT max(id) FROM " + table + ")");
    } catch (...) {
      failed = std::current_exception();
    }
  });
  colleague.join();
  if (failed) std::rethrow_exception(failed);
}

void measure_while_reading(Controller& controller, const db::ScratchCopy& copy,
                           HeadlessImGui& imgui, std::ostream& out) {
  // Each switch and save is measured five times, and the median of their longest frames
  // printed with the worst: now and then the machine's other work takes the window's core for a
  // scheduler tick (4 ms here) in any frame, whatever the program does.
  constexpr int runs = 5;
  auto median_and_worst = [&](std::string_view name, std::vector<double> longest) {
    figure(out, std::string(name), percentile(longest, 0.5), "ms");
    figure(out, std::string(name) + "_worst", percentile(longest, 1.0), "ms");
  };
  auto switch_to = [&](View view) {
    double longest =
        longest_frame_until_read(controller, imgui, [&] { controller.ui_state().view = view; });
    controller.wait_for_figures();
    return longest;
  };
  // From the last view to the first, so that each is a switch.
  View before = all_views.back();
  controller.ui_state().view = before;
  controller.refresh();
  controller.wait_for_figures();
  for (View view : all_views) {
    std::string key(view_key(view));
    // From the view before and back: the first time its figures are read, then found current.
    std::vector<double> switching;
    for (int run = 0; run < runs; ++run) {
      if (run > 0) switch_to(before);
      switching.push_back(switch_to(view));
    }
    before = view;
    // Frames drawn the same way while nothing changes and nothing is read: a normal frame, and
    // the longest of a second of them, which no read is part of.
    std::vector<double> normal;
    for (int i = 0; i < 60; ++i) normal.push_back(window_frame(controller, imgui, i));
    std::vector<double> saving;
    std::vector<double> reads;
    for (int run = 0; run < runs; ++run) {
      colleague_saves(copy, table_changed_for(view));
      saving.push_back(longest_frame_until_read(controller, imgui, [] {}));
      reads.push_back(controller.last_read_ms());
    }
    figure(out, "frame_wall_median." + key, percentile(normal, 0.5), "ms");
    figure(out, "longest_frame_unchanged." + key, percentile(normal, 1.0), "ms");
    median_and_worst("longest_frame_after_switch." + key, switching);
    median_and_worst("longest_frame_after_save." + key, saving);
    figure(out, "refresh_figures." + key, percentile(reads, 0.5), "ms");
  }
}

}  // namespace

void run_bench(const std::string& database, int frames, std::optional<Date> today,
               std::ostream& out) {
  frames = std::max(frames, 1);
  HeadlessImGui imgui(1600, 1000);

  double start = wall_ms();
  Controller controller(db::Database::open(database, db::OpenMode::existing), today);
  imgui.frame([&] { controller.draw_frame(imgui.fonts()); });
  double first_frame = wall_ms();
  figure(out, "open_and_first_frame", first_frame - start, "ms");
  // The file's check runs beside the first frames; the figures that follow are measured without
  // it.
  controller.wait_for_file_check();
  figure(out, "file_check_after_first_frame", wall_ms() - first_frame, "ms");

  double refresh_start = wall_ms();
  controller.refresh();
  controller.wait_for_figures();
  figure(out, "refresh_all_figures", wall_ms() - refresh_start, "ms");

  auto measure = [&](std::string_view name, const std::function<void()>& draw) {
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(frames));
    imgui.frame(draw);  // a view's first frame reads its figures; what is measured is drawing
    for (int i = 0; i < frames; ++i) {
      // Sweep the mouse across the window so hover states are part of what is measured.
      imgui.move_mouse(
          ImVec2(static_cast<float>(i % 160) * 10.0f, 150.0f + static_cast<float>(i % 80) * 10.0f));
      double before = thread_cpu_ms();
      imgui.frame(draw);
      samples.push_back(thread_cpu_ms() - before);
    }
    figure(out, "frame_cpu_median." + std::string(name), percentile(samples, 0.5), "ms");
    figure(out, "frame_cpu_p99." + std::string(name), percentile(samples, 0.99), "ms");
  };
  auto draw_dashboard = [&] { controller.draw_frame(imgui.fonts()); };
  for (View view : all_views) {
    controller.ui_state().view = view;
    // The view's figures read whole on the reader's thread, the first time from a cold cache.
    controller.refresh();
    controller.wait_for_figures();
    figure(out, "first_figures." + std::string(view_key(view)), controller.last_read_ms(), "ms");
    measure(view_key(view), draw_dashboard);
  }
  controller.ui_state().view = View::gallery;
  measure("gallery", draw_dashboard);

  // One line of 100,000 daily points across the window: decimation keeps it cheap.
  plot::TimeSeriesData line;
  line.bucket_unit = plot::TimeUnit::day;
  Date first = *Date::from_ymd(1750, 1, 1);
  line.series = {{"series", std::vector<double>(100000), std::nullopt}};
  for (std::size_t d = 0; d < 100000; ++d) {
    line.buckets.push_back(first.plus_days(static_cast<int>(d)));
    line.series[0].values[d] = static_cast<double>((d * 7919) % 1000);
  }
  line.end = first.plus_days(100000);
  plot::ChartState line_state;
  measure("line_chart_100k_points", [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("line", nullptr, ImGuiWindowFlags_NoDecoration);
    plot::ChartContext context{&plot::theme(plot::ThemeKind::light), nullptr, nullptr};
    plot::time_chart("line", line, {plot::TimeChartKind::line, false, std::nullopt, "", 600},
                     line_state, context);
    ImGui::End();
  });

  // A colleague's save and a switch of view, frame by frame while the reader reads; on a copy
  // of the file, since a colleague's save is a commit (a server's data is never committed to).
  if (controller.database().backend() == db::Backend::sqlite) {
    db::ScratchCopy copy(controller.database());
    Controller scratch(copy.open(), today);
    scratch.wait_for_file_check();  // its saves are measured, not its check
    measure_while_reading(scratch, copy, imgui, out);
  }

  // A save as the editor makes it, through to refreshed figures and the next frame; done on a
  // scratch copy, so that measuring never changes the city's data.
  {
    db::ScratchCopy copy(controller.database());
    Controller scratch(copy.open(), today);
    scratch.wait_for_file_check();
    RecordQuery open_documents{
        &documents_spec(),
        {{"answered_on", RecordFilter::Kind::is_null, std::nullopt, std::nullopt, ""}},
        "",
        "",
        false};
    auto rows = db::fetch_records(scratch.database(), open_documents, 0, 2);
    // The city secretary answers a document from the overview, then from her own page.
    for (std::size_t i = 0; i < rows.size(); ++i) {
      View view = i == 0 ? View::overview : View::deadlines;
      scratch.ui_state().view = view;
      imgui.frame([&] { scratch.draw_frame(imgui.fonts()); });
      Record edited = rows[i];
      edited.set("answered_on", scratch.today().iso());
      double before = wall_ms();
      db::update_record(scratch.database(), documents_spec(), rows[i], edited,
                        db::current_author());
      scratch.refresh();
      scratch.wait_for_figures();
      imgui.frame([&] { scratch.draw_frame(imgui.fonts()); });
      figure(out, "save_to_refreshed_" + std::string(view_key(view)), wall_ms() - before, "ms");
    }
  }

  // The month's report of every area, as the IT lead's timer writes it at the start of a month.
  {
    std::filesystem::path pdf = std::filesystem::temp_directory_path() /
                                ("raekoda-bench-report-" + std::to_string(getpid()) + ".pdf");
    Date day = controller.today();
    report::ReportRequest request;
    request.period = month_period(day);
    request.out = pdf;
    double before = wall_ms();
    report::ReportResult written =
        report::write_report(controller.database(), request, DateTime::end_of(day));
    figure(out, "report_month", wall_ms() - before, "ms");
    figure(out, "report_month_pages", written.pages, "pages");
    std::error_code ignored;
    std::filesystem::remove(pdf, ignored);
  }

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  figure(out, "peak_memory", static_cast<double>(usage.ru_maxrss) / 1024.0, "MiB");
}

}  // namespace raekoda::app
