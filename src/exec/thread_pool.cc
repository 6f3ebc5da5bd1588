#include "exec/thread_pool.h"

#include <atomic>
#include <exception>

namespace lakestream {

struct ThreadPool::Loop {
  int64_t num_tasks = 0;
  const std::function<void(int64_t)>* fn = nullptr;
  std::atomic<int64_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mu;
  std::condition_variable done_cv;
  int64_t finished GUARDED_BY(mu) = 0;  // tasks claimed and completed (or skipped)
  std::exception_ptr error GUARDED_BY(mu);
};

ThreadPool::ThreadPool(int num_threads) {
  for (int i = 1; i < num_threads; ++i) workers_.emplace_back([this] { WorkerMain(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_available_.notify_all();
  for (auto& w : workers_) w.join();
}

void ThreadPool::RunTasks(Loop& loop) {
  while (true) {
    int64_t i = loop.next.fetch_add(1);
    if (i >= loop.num_tasks) return;
    std::exception_ptr error;
    if (!loop.failed.load(std::memory_order_relaxed)) {
      try {
        (*loop.fn)(i);
      } catch (...) {
        error = std::current_exception();
        loop.failed = true;
      }
    }
    std::lock_guard<std::mutex> lock(loop.mu);
    if (error && !loop.error) loop.error = error;
    if (++loop.finished == loop.num_tasks) loop.done_cv.notify_all();
  }
}

void ThreadPool::WorkerMain() {
  while (true) {
    std::shared_ptr<Loop> loop;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_available_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      loop = std::move(queue_.front());
      queue_.pop_front();
    }
    RunTasks(*loop);
  }
}

void ThreadPool::ParallelFor(int64_t num_tasks, int parallelism, const std::function<void(int64_t)>& fn) {
  if (num_tasks <= 0) return;
  auto loop = std::make_shared<Loop>();
  loop->num_tasks = num_tasks;
  loop->fn = &fn;
  int64_t helpers = std::min<int64_t>({num_tasks - 1, parallelism - 1, static_cast<int64_t>(workers_.size())});
  if (helpers > 0) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (int64_t i = 0; i < helpers; ++i) queue_.push_back(loop);
    }
    work_available_.notify_all();
  }
  RunTasks(*loop);
  std::unique_lock<std::mutex> lock(loop->mu);
  loop->done_cv.wait(lock, [&] { return loop->finished == loop->num_tasks; });
  if (loop->error) std::rethrow_exception(loop->error);
}

}  // namespace lakestream
