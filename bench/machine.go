package bench

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Machine describes where a benchmark ran, for the line above its table.
func Machine() string {
	cpu := "unknown CPU"
	if v, ok := procField("/proc/cpuinfo", "model name"); ok {
		cpu = v
	}
	ram := "? GiB RAM"
	if v, ok := procField("/proc/meminfo", "MemTotal"); ok {
		if kb, err := strconv.ParseInt(strings.Fields(v)[0], 10, 64); err == nil {
			ram = fmt.Sprintf("%.1f GiB RAM", float64(kb)/(1<<20))
		}
	}
	return fmt.Sprintf("%s, %d cores, %s, %s %s/%s, %s, load average %s at the end", cpu, runtime.NumCPU(), ram,
		runtime.Version(), runtime.GOOS, runtime.GOARCH, time.Now().UTC().Format(time.DateOnly), LoadAverage())
}

// LoadAverage is the machine's 1-minute load average, or "?". On a shared
// machine a load above the core count means the numbers were measured
// against other work: compare ratios within one run, not across runs.
func LoadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	if f := strings.Fields(string(b)); len(f) > 0 {
		return f[0]
	}
	return "?"
}

// PeakRSS is this process's peak resident memory so far (VmHWM), in bytes;
// 0 where /proc is missing. It covers the whole process, which is why each
// system runs in a child process of its own.
func PeakRSS() int64 { return procBytes("VmHWM") }

// CPUSeconds is the CPU time this process has used so far, user and
// system, in seconds; 0 if the system does not say.
func CPUSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// RSS is this process's resident memory now (VmRSS), in bytes.
func RSS() int64 { return procBytes("VmRSS") }

func procBytes(key string) int64 {
	v, ok := procField("/proc/self/status", key)
	if !ok {
		return 0
	}
	kb, err := strconv.ParseInt(strings.Fields(v)[0], 10, 64)
	if err != nil {
		return 0
	}
	return kb << 10
}

// procField returns the value of the first "key: value" line of a /proc file.
func procField(path, key string) (string, bool) {
	f, err := os.Open(path)
	if err != nil {
		return "", false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// DirSize adds up the sizes of the regular files under dir.
func DirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("bench: size of %s: %w", dir, err)
	}
	return n, nil
}
