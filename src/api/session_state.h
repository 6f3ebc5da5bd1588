// SessionState: everything a Session shares with its DataFrames: settings,
// the worker pool, and how to run a plan. Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "columnar/thread_annotations.h"
#include "exec/query_context.h"
#include "plan/logical_plan.h"
#include "sql/parser.h"

namespace lakestream {

class SessionCatalog;
class ThreadPool;

class SessionState {
 public:
  // `conf` holds Spark-style keys; see session.cc for the ones we read.
  explicit SessionState(std::map<std::string, std::string> conf);
  ~SessionState();

  std::string GetConf(const std::string& key, const std::string& default_value = "") const;
  void SetConf(const std::string& key, const std::string& value);
  // Removes a runtime setting (RESET key); static settings stay.
  void UnsetConf(const std::string& key);
  std::map<std::string, std::string> AllConf() const;

  // Analyzes `plan` with the session's function registry and settings.
  LogicalPlanPtr Analyze(const LogicalPlanPtr& plan) const;
  // The parser's settings (lakestream.sql.legacyEmptyInList).
  sql::ParserOptions MakeParserOptions() const;
  // A context for one query (fresh cancellation flag and progress, current
  // settings). The session tracks it until the context and its copies die.
  QueryContext MakeQueryContext() const;
  // Cancels every query of this session running now (Spark Connect's
  // SparkSession.interruptAll): each throws CancelledError at its next check.
  // Queries started afterwards run normally. Any thread.
  void InterruptAll() const;
  // The progress of the most recently started query that is still running
  // and has begun executing pipelines; null when there is none. Any thread.
  std::shared_ptr<const QueryProgress> RunningQueryProgress() const;
  std::vector<RecordBatchPtr> Execute(const LogicalPlanPtr& analyzed) const;
  std::string ExplainPhysical(const LogicalPlanPtr& analyzed) const;

  int num_threads() const { return num_threads_; }

  // Temporary views, the current database and the warehouse catalog
  // (spark.sql.warehouse.dir, default ./spark-warehouse as in Spark).
  SessionCatalog& catalog() const { return *catalog_; }

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::string> conf_;  // guarded by mu_
  int num_threads_;
  std::unique_ptr<ThreadPool> pool_;
  std::unique_ptr<SessionCatalog> catalog_;

  // Contexts handed out by MakeQueryContext, oldest first; weak so that a
  // query ending needs no bookkeeping (expired entries are dropped lazily).
  struct RunningQuery {
    std::weak_ptr<std::atomic<bool>> cancelled;
    std::weak_ptr<const QueryProgress> progress;
  };
  mutable std::mutex running_mu_;
  mutable std::vector<RunningQuery> running_ GUARDED_BY(running_mu_);
};

// "2g", "512m", "100k", "12345" -> bytes. Throws UserError on malformed input.
int64_t ParseByteSize(const std::string& text);

}  // namespace lakestream
