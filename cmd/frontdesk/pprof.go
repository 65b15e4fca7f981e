package main

import (
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"runtime"
)

// startProfiler serves Go's profiles on FRONTDESK_PPROF (a loopback
// address such as 127.0.0.1:6060) when it is set: a diagnosis aid for
// benchmarks (docs/benchmarks.md), off unless asked for. Its own mux, so
// nothing of it reaches the application's listener.
func startProfiler(log *slog.Logger) {
	addr := os.Getenv("FRONTDESK_PPROF")
	if addr == "" {
		return
	}
	host, _, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		log.Error("FRONTDESK_PPROF must be a loopback address; profiler off", "addr", addr)
		return
	}
	runtime.SetBlockProfileRate(int(1e6)) // events blocking at least a millisecond
	runtime.SetMutexProfileFraction(10)
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	go func() { log.Error("profiler", "err", http.ListenAndServe(addr, mux)) }()
}
