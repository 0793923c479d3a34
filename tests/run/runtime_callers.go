package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

func f() {
	pc, file, line, ok := runtime.Caller(0)
	fmt.Println(runtime.FuncForPC(pc).Name(), strings.HasSuffix(file, ".go") && strings.HasPrefix(file, "/"), line, ok)
	pc, _, line, ok = runtime.Caller(1)
	fmt.Println(runtime.FuncForPC(pc).Name(), line, ok)
	_, _, _, ok = runtime.Caller(10)
	fmt.Println(ok)
	pcs := make([]uintptr, 10)
	n := runtime.Callers(0, pcs)
	fr := runtime.CallersFrames(pcs[:n])
	for {
		f, more := fr.Next()
		fmt.Println(f.Function, f.Line, more)
		if !more {
			break
		}
	}
	s := string(debug.Stack())
	fmt.Println(strings.Count(s, "\n"), strings.Contains(s, "main.f()"), strings.HasPrefix(s, "goroutine 1 [running]:\nruntime/debug.Stack()"))
	buf := make([]byte, 1000)
	n = runtime.Stack(buf, false)
	fmt.Println(strings.Contains(string(buf[:n]), "main.main()"))
}

func main() {
	f()
	defer func() {
		recover()
		for i := 0; ; i++ {
			pc, _, line, ok := runtime.Caller(i)
			if !ok {
				break
			}
			fmt.Println(i, runtime.FuncForPC(pc).Name(), line)
		}
	}()
	fmt.Println(runtime.NumCPU() > 0, debug.SetGCPercent(50), debug.SetGCPercent(100))
	var fn *runtime.Func
	fmt.Println(fn.Name() == "", runtime.FuncForPC(0) == nil)
	var p *int
	runtime.KeepAlive(p)
	debug.FreeOSMemory()
	panic("x")
}
