// ThreadPool: a fixed set of worker threads that run parallel loops. The
// calling thread always takes part in its own loop, so nested loops (a task
// that starts a loop) cannot deadlock.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "columnar/thread_annotations.h"

namespace lakestream {

class ThreadPool {
 public:
  // Starts `num_threads - 1` workers (the caller of ParallelFor is the last one).
  explicit ThreadPool(int num_threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int num_threads() const { return static_cast<int>(workers_.size()) + 1; }

  // Runs fn(i) for every i in [0, num_tasks) on at most `parallelism` threads
  // (the caller included) and returns when all started tasks have finished.
  // The first exception thrown by a task is rethrown here; tasks not started
  // yet when it happened are skipped. Thread-safe; may be called from a task.
  void ParallelFor(int64_t num_tasks, int parallelism, const std::function<void(int64_t)>& fn);

 private:
  struct Loop;
  void WorkerMain();
  static void RunTasks(Loop& loop);

  std::mutex mu_;
  std::condition_variable work_available_;
  std::deque<std::shared_ptr<Loop>> queue_ GUARDED_BY(mu_);  // one entry per helper wanted
  bool stopping_ GUARDED_BY(mu_) = false;
  std::vector<std::thread> workers_;
};

}  // namespace lakestream
