#include <cstdio>

int main() {
  std::puts("lakestream 0.1.0");
  return 0;
}
