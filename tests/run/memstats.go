// Facts about runtime.ReadMemStats that hold under any collector timing
// (also under GOSCOPE_GCSTRESS=1): counters grow with allocation, the
// heap identities, and what runtime.GC frees and keeps.
package main

import (
	"fmt"
	"runtime"
)

type T struct {
	next *T
	buf  [100]int
}

var sink *T

func alloc(n int) *T {
	var l *T
	for i := 0; i < n; i++ {
		l = &T{next: l}
	}
	return l
}

func length(p *T) int {
	n := 0
	for ; p != nil; p = p.next {
		n++
	}
	return n
}

// collect runs a forced collection from a frame of its own and reads the
// statistics after it.
func collect(m *runtime.MemStats) {
	runtime.GC()
	runtime.ReadMemStats(m)
}

func drop(m *runtime.MemStats) {
	sink = nil
	collect(m)
}

func main() {
	var m1, m2 runtime.MemStats
	runtime.ReadMemStats(&m1)
	sink = alloc(1000)
	runtime.ReadMemStats(&m2)
	fmt.Println("mallocs grew by at least 1000:", m2.Mallocs-m1.Mallocs >= 1000)
	fmt.Println("total alloc grew by at least 800 KB:", m2.TotalAlloc-m1.TotalAlloc >= 1000*808)
	fmt.Println("heap objects = mallocs - frees:", m2.HeapObjects == m2.Mallocs-m2.Frees)
	fmt.Println("alloc = heap alloc:", m2.Alloc == m2.HeapAlloc)
	fmt.Println("total alloc >= alloc:", m2.TotalAlloc >= m2.Alloc)
	fmt.Println("sys >= heap sys:", m2.Sys >= m2.HeapSys)
	collect(&m1)
	fmt.Println("live list survives:", m1.HeapAlloc >= 1000*808, length(sink))
	drop(&m2)
	fmt.Println("dropped list freed:", m1.HeapAlloc-m2.HeapAlloc >= 900*808)
	fmt.Println("frees grew by at least 1000:", m2.Frees-m1.Frees >= 1000)
	fmt.Println("NumGC grew:", m2.NumGC > m1.NumGC)
	fmt.Println("NumForcedGC grew by 1:", m2.NumForcedGC-m1.NumForcedGC)
	fmt.Println("last GC set:", m2.LastGC > 0, m2.PauseTotalNs > 0)
	fmt.Println("goroutines:", runtime.NumGoroutine())
	p := runtime.GOMAXPROCS(0)
	fmt.Println("GOMAXPROCS set and restored:", runtime.GOMAXPROCS(3) == p, runtime.GOMAXPROCS(p) == 3)
	fmt.Println("NumForcedGC:", m2.NumForcedGC)
}
