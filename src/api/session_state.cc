#include "api/session_state.h"

#include <unistd.h>

#include <chrono>
#include <thread>

#include "api/session_catalog.h"
#include "api/table_functions.h"
#include "exec/executor.h"
#include "exec/thread_pool.h"
#include "expr/function_registry.h"
#include "expr/time_zone.h"
#include "lakestream/error.h"
#include "plan/analyzer.h"
#include "plan/optimizer.h"

namespace lakestream {

namespace {
constexpr const char* kThreads = "lakestream.threads";
constexpr const char* kMemoryLimit = "lakestream.memory.limit";
constexpr const char* kSpillDir = "lakestream.spill.dir";
constexpr const char* kTimeZone = "spark.sql.session.timeZone";
constexpr const char* kAnsi = "spark.sql.ansi.enabled";
constexpr const char* kLegacyDivision = "lakestream.sql.legacyIntegerDivision";
constexpr const char* kLegacyBareColumns = "lakestream.sql.legacyBareColumnsInAggregate";
constexpr const char* kLegacyUnaryPlus = "lakestream.sql.legacyUnaryPlus";
constexpr const char* kLegacyEmptyInList = "lakestream.sql.legacyEmptyInList";
constexpr const char* kWarehouseDir = "spark.sql.warehouse.dir";

int64_t DefaultMemoryLimit() {
  int64_t pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page > 0 ? pages * page / 10 * 6 : int64_t{4} << 30;
}

bool IsTrue(const std::string& v) { return v == "true" || v == "TRUE" || v == "True" || v == "1"; }
}  // namespace

int64_t ParseByteSize(const std::string& text) {
  size_t pos = 0;
  long double n = 0;
  try {
    n = std::stold(text, &pos);
  } catch (const std::exception&) {
    pos = 0;
  }
  if (pos == 0 || n < 0) {
    throw UserError("INVALID_CONF_VALUE", "22022", "'" + text + "' is not a valid byte size (e.g. 512m, 2g).");
  }
  std::string unit = text.substr(pos);
  for (auto& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  long double mult = 1;
  if (unit == "k" || unit == "kb") mult = 1024.0L;
  else if (unit == "m" || unit == "mb") mult = 1024.0L * 1024;
  else if (unit == "g" || unit == "gb") mult = 1024.0L * 1024 * 1024;
  else if (unit == "t" || unit == "tb") mult = 1024.0L * 1024 * 1024 * 1024;
  else if (!unit.empty() && unit != "b") {
    throw UserError("INVALID_CONF_VALUE", "22022", "'" + text + "' has an unknown size unit '" + unit + "'.");
  }
  return static_cast<int64_t>(n * mult);
}

SessionState::SessionState(std::map<std::string, std::string> conf) : conf_(std::move(conf)) {
  auto it = conf_.find(kThreads);
  num_threads_ = it != conf_.end() ? std::stoi(it->second) : static_cast<int>(std::thread::hardware_concurrency());
  if (num_threads_ < 1) num_threads_ = 1;
  conf_[kThreads] = std::to_string(num_threads_);
  if (!conf_.count(kTimeZone)) conf_[kTimeZone] = "UTC";
  TimeZone::Find(conf_[kTimeZone]);  // fail early on an unknown zone
  if (conf_.count(kMemoryLimit)) ParseByteSize(conf_[kMemoryLimit]);
  pool_ = std::make_unique<ThreadPool>(num_threads_);
  if (!conf_.count(kWarehouseDir)) conf_[kWarehouseDir] = "spark-warehouse";
  catalog_ = std::make_unique<SessionCatalog>(conf_[kWarehouseDir]);
}

SessionState::~SessionState() = default;

std::string SessionState::GetConf(const std::string& key, const std::string& default_value) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = conf_.find(key);
  return it == conf_.end() ? default_value : it->second;
}

void SessionState::SetConf(const std::string& key, const std::string& value) {
  if (key == kTimeZone) TimeZone::Find(value);
  if (key == kMemoryLimit) ParseByteSize(value);
  if (key == kThreads) {
    throw UserError("CANNOT_MODIFY_CONFIG", "46110", "Cannot modify the value of the static config: " + key + ".");
  }
  std::lock_guard<std::mutex> lock(mu_);
  conf_[key] = value;
}

void SessionState::UnsetConf(const std::string& key) {
  if (key == kThreads || key == kWarehouseDir) return;
  std::lock_guard<std::mutex> lock(mu_);
  conf_.erase(key);
}

std::map<std::string, std::string> SessionState::AllConf() const {
  std::lock_guard<std::mutex> lock(mu_);
  return conf_;
}

LogicalPlanPtr SessionState::Analyze(const LogicalPlanPtr& plan) const {
  AnalyzerOptions options;
  options.legacy_integer_division = IsTrue(GetConf(kLegacyDivision, "false"));
  options.legacy_bare_columns_in_aggregate = IsTrue(GetConf(kLegacyBareColumns, "false"));
  options.legacy_unary_plus = IsTrue(GetConf(kLegacyUnaryPlus, "false"));
  options.resolve_relation = [this](const std::vector<std::string>& name) {
    return catalog_->ResolveRelation(name, *this);
  };
  options.resolve_table_function = [this](const std::string& name, const std::vector<ExprPtr>& args) {
    return ResolveTableFunction(*this, name, args);
  };
  return lakestream::Analyze(plan, FunctionRegistry::Default(), options);
}

sql::ParserOptions SessionState::MakeParserOptions() const {
  sql::ParserOptions options;
  options.legacy_empty_in_list = IsTrue(GetConf(kLegacyEmptyInList, "false"));
  return options;
}

QueryContext SessionState::MakeQueryContext() const {
  QueryContext ctx;
  ctx.eval.ansi = IsTrue(GetConf(kAnsi, "true"));
  ctx.eval.legacy_integer_division = IsTrue(GetConf(kLegacyDivision, "false"));
  ctx.eval.session_time_zone = GetConf(kTimeZone, "UTC");
  ctx.eval.current_database = catalog_->current_database();
  ctx.eval.time_zone = TimeZone::Find(ctx.eval.session_time_zone);
  ctx.eval.query_start_micros = std::chrono::duration_cast<std::chrono::microseconds>(
                                    std::chrono::system_clock::now().time_since_epoch()).count();
  ctx.num_threads = num_threads_;
  std::string limit = GetConf(kMemoryLimit);
  ctx.memory_limit_bytes = limit.empty() ? DefaultMemoryLimit() : ParseByteSize(limit);
  ctx.spill_directory = GetConf(kSpillDir, "/tmp");
  ctx.pool = pool_.get();
  std::lock_guard<std::mutex> lock(running_mu_);
  std::erase_if(running_, [](const RunningQuery& q) { return q.cancelled.expired(); });
  running_.push_back({ctx.cancelled, ctx.progress});
  return ctx;
}

void SessionState::InterruptAll() const {
  std::lock_guard<std::mutex> lock(running_mu_);
  for (const RunningQuery& q : running_) {
    if (auto cancelled = q.cancelled.lock()) cancelled->store(true);
  }
}

std::shared_ptr<const QueryProgress> SessionState::RunningQueryProgress() const {
  std::lock_guard<std::mutex> lock(running_mu_);
  for (auto it = running_.rbegin(); it != running_.rend(); ++it) {
    // Contexts made only to evaluate constants or infer schemas never start a
    // pipeline; skip them in favour of the query actually running.
    auto progress = it->progress.lock();
    if (progress && progress->pipelines.load(std::memory_order_relaxed) > 0) return progress;
  }
  return nullptr;
}

std::vector<RecordBatchPtr> SessionState::Execute(const LogicalPlanPtr& analyzed) const {
  QueryContext ctx = MakeQueryContext();
  return ExecutePlan(Optimize(analyzed, ctx.eval), ctx);
}

std::string SessionState::ExplainPhysical(const LogicalPlanPtr& analyzed) const {
  QueryContext ctx = MakeQueryContext();
  return ExplainPhysicalPlan(Optimize(analyzed, ctx.eval), ctx);
}

}  // namespace lakestream
