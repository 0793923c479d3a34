package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type T struct {
	mu   sync.Mutex
	rw   sync.RWMutex
	once sync.Once
	n    int
}

func (t *T) M() { t.n++; fmt.Println("M ran", t.n) }

func main() {
	var t T
	t.mu.Lock()
	t.n = 1
	fmt.Println(t.mu.TryLock())
	t.mu.Unlock()
	fmt.Println(t.mu.TryLock())
	t.mu.Unlock()
	t.once.Do(t.M)
	t.once.Do(t.M)
	t.rw.RLock()
	t.rw.RLock()
	fmt.Println(t.rw.TryLock())
	t.rw.RUnlock()
	t.rw.RUnlock()
	t.rw.Lock()
	fmt.Println(t.rw.TryRLock())
	t.rw.Unlock()
	var wg sync.WaitGroup
	wg.Add(2)
	wg.Done()
	wg.Done()
	wg.Wait()
	var i32 int32
	var u64 uint64
	fmt.Println(atomic.AddInt32(&i32, -5), atomic.AddUint64(&u64, 7), atomic.LoadInt32(&i32))
	fmt.Println(atomic.CompareAndSwapInt32(&i32, -5, 3), atomic.CompareAndSwapInt32(&i32, -5, 4), i32)
	atomic.StoreUint64(&u64, 1<<40)
	fmt.Println(atomic.SwapUint64(&u64, 2), u64)
	var x atomic.Int64
	x.Add(10)
	fmt.Println(x.Load(), x.CompareAndSwap(10, 11), x.Load())
	var v atomic.Value
	fmt.Println(v.Load())
	v.Store("hi")
	fmt.Println(v.Load(), v.CompareAndSwap("hi", "ho"), v.Load())
	var b atomic.Bool
	b.Store(true)
	fmt.Println(b.Load(), b.Swap(false), b.Load())
	var l sync.Locker = &t.mu
	l.Lock()
	l.Unlock()
	func() {
		defer func() { fmt.Println("recovered", recover()) }()
		var o sync.Once
		o.Do(func() { panic("boom") })
	}()
	var o2 sync.Once
	o2.Do(func() { fmt.Println("not again") })
}
