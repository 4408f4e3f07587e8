package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
)

// StartProfile writes a CPU profile of what runs until the returned stop is
// called, to DIR/SYSTEM-NAME.pprof, creating DIR if needed; it does nothing
// without a profile folder.
func StartProfile(dir, system, name string) (stop func() error, err error) {
	if dir == "" {
		return func() error { return nil }, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("bench: profile: %w", err)
	}
	f, err := os.Create(filepath.Join(dir, system+"-"+name+".pprof"))
	if err != nil {
		return nil, fmt.Errorf("bench: profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("bench: profile: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		return f.Close()
	}, nil
}
