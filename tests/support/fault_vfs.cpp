#include "support/fault_vfs.hpp"

#include <sqlite3.h>

#include <atomic>
#include <cerrno>

namespace anteroom::testing {

namespace {

std::atomic<DiskFault> g_fault{DiskFault::None};
std::atomic<int> g_refused{0};
sqlite3_vfs* g_base = nullptr;
sqlite3_vfs g_vfs;

// Our file: the base file's methods, with writes and truncations that can fail.
struct FaultFile {
    sqlite3_file base_handle;  // sqlite3_file header: our own methods
    sqlite3_file* real;        // the base VFS's file, just after us in memory
};
sqlite3_io_methods g_methods;
const sqlite3_io_methods* g_real_methods = nullptr;

sqlite3_file* real(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f)->real; }

int refuse() {
    ++g_refused;
    if (g_fault == DiskFault::Full) {
        errno = ENOSPC;
        return SQLITE_FULL;
    }
    errno = EROFS;
    return SQLITE_READONLY;
}

int x_close(sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); }
int x_read(sqlite3_file* f, void* p, int n, sqlite3_int64 at) { return real(f)->pMethods->xRead(real(f), p, n, at); }
int x_write(sqlite3_file* f, const void* p, int n, sqlite3_int64 at) {
    if (g_fault != DiskFault::None) return refuse();
    return real(f)->pMethods->xWrite(real(f), p, n, at);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
    if (g_fault != DiskFault::None) return refuse();
    return real(f)->pMethods->xTruncate(real(f), size);
}
int x_sync(sqlite3_file* f, int flags) { return real(f)->pMethods->xSync(real(f), flags); }
int x_size(sqlite3_file* f, sqlite3_int64* size) { return real(f)->pMethods->xFileSize(real(f), size); }
int x_lock(sqlite3_file* f, int l) { return real(f)->pMethods->xLock(real(f), l); }
int x_unlock(sqlite3_file* f, int l) { return real(f)->pMethods->xUnlock(real(f), l); }
int x_check(sqlite3_file* f, int* out) { return real(f)->pMethods->xCheckReservedLock(real(f), out); }
int x_control(sqlite3_file* f, int op, void* arg) { return real(f)->pMethods->xFileControl(real(f), op, arg); }
int x_sector(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
int x_device(sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) { return real(f)->pMethods->xShmLock(real(f), offset, n, flags); }
void x_shm_barrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
int x_shm_unmap(sqlite3_file* f, int del) { return real(f)->pMethods->xShmUnmap(real(f), del); }
int x_fetch(sqlite3_file* f, sqlite3_int64 at, int n, void** out) { return real(f)->pMethods->xFetch(real(f), at, n, out); }
int x_unfetch(sqlite3_file* f, sqlite3_int64 at, void* p) { return real(f)->pMethods->xUnfetch(real(f), at, p); }

int x_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    auto* ours = reinterpret_cast<FaultFile*>(file);
    ours->real = reinterpret_cast<sqlite3_file*>(ours + 1);
    const int rc = g_base->xOpen(g_base, name, ours->real, flags, out_flags);
    if (rc != SQLITE_OK || !ours->real->pMethods) {
        file->pMethods = nullptr;
        return rc;
    }
    if (!g_real_methods) {
        g_real_methods = ours->real->pMethods;
        g_methods = *g_real_methods;
        g_methods.iVersion = std::min(g_real_methods->iVersion, 3);
        g_methods.xClose = x_close;
        g_methods.xRead = x_read;
        g_methods.xWrite = x_write;
        g_methods.xTruncate = x_truncate;
        g_methods.xSync = x_sync;
        g_methods.xFileSize = x_size;
        g_methods.xLock = x_lock;
        g_methods.xUnlock = x_unlock;
        g_methods.xCheckReservedLock = x_check;
        g_methods.xFileControl = x_control;
        g_methods.xSectorSize = x_sector;
        g_methods.xDeviceCharacteristics = x_device;
        g_methods.xShmMap = x_shm_map;
        g_methods.xShmLock = x_shm_lock;
        g_methods.xShmBarrier = x_shm_barrier;
        g_methods.xShmUnmap = x_shm_unmap;
        g_methods.xFetch = x_fetch;
        g_methods.xUnfetch = x_unfetch;
    }
    file->pMethods = &g_methods;
    return SQLITE_OK;
}

int x_delete(sqlite3_vfs*, const char* name, int sync) {
    if (g_fault == DiskFault::ReadOnly) return refuse();
    return g_base->xDelete(g_base, name, sync);
}
int x_access(sqlite3_vfs*, const char* name, int flags, int* out) { return g_base->xAccess(g_base, name, flags, out); }
int x_full(sqlite3_vfs*, const char* name, int n, char* out) { return g_base->xFullPathname(g_base, name, n, out); }
int x_random(sqlite3_vfs*, int n, char* out) { return g_base->xRandomness(g_base, n, out); }
int x_sleep(sqlite3_vfs*, int us) { return g_base->xSleep(g_base, us); }
int x_time(sqlite3_vfs*, double* out) { return g_base->xCurrentTime(g_base, out); }
int x_error(sqlite3_vfs*, int n, char* out) { return g_base->xGetLastError(g_base, n, out); }
int x_time64(sqlite3_vfs*, sqlite3_int64* out) { return g_base->xCurrentTimeInt64(g_base, out); }

}  // namespace

void install_fault_vfs() {
    if (g_base) return;
    g_base = sqlite3_vfs_find(nullptr);
    g_vfs = sqlite3_vfs{};
    g_vfs.iVersion = 2;
    g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_base->szOsFile;
    g_vfs.mxPathname = g_base->mxPathname;
    g_vfs.zName = "anteroom-faults";
    g_vfs.xOpen = x_open;
    g_vfs.xDelete = x_delete;
    g_vfs.xAccess = x_access;
    g_vfs.xFullPathname = x_full;
    g_vfs.xDlOpen = g_base->xDlOpen;
    g_vfs.xDlError = g_base->xDlError;
    g_vfs.xDlSym = g_base->xDlSym;
    g_vfs.xDlClose = g_base->xDlClose;
    g_vfs.xRandomness = x_random;
    g_vfs.xSleep = x_sleep;
    g_vfs.xCurrentTime = x_time;
    g_vfs.xGetLastError = x_error;
    g_vfs.xCurrentTimeInt64 = x_time64;
    sqlite3_vfs_register(&g_vfs, 1);
}

void set_disk_fault(DiskFault fault) {
    g_refused = 0;
    g_fault = fault;
}

int faulted_writes() { return g_refused; }

}  // namespace anteroom::testing
