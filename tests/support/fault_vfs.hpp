#pragma once
// A SQLite VFS that wraps the default one and, while told to, fails writes the way a full disk
// or a read-only file system does. Registered as the default, so the event store under test
// uses it without knowing.
namespace anteroom::testing {

enum class DiskFault { None, Full, ReadOnly };

void install_fault_vfs();          // once per process; idempotent
void set_disk_fault(DiskFault fault);
int faulted_writes();              // how many writes it refused since the last set_disk_fault

}  // namespace anteroom::testing
