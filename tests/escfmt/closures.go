// Closures, goroutines, defer, methods with receivers escaping.
package main

import (
	"fmt"
	"sync"
)

var sink interface{}

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() { c.mu.Lock(); c.n++; c.mu.Unlock() }

func closures(n int) func() int {
	x := n
	inc := func() { x++ }
	inc()
	get := func() int { return x }
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Println(i, x)
		}(i)
	}
	wg.Wait()
	c := &Counter{}
	go c.Inc()
	defer c.Inc()
	f := c.Inc
	f()
	sink = f
	for i := 0; i < 3; i++ {
		defer func() { sink = i }()
	}
	ch := make(chan int, 1)
	done := make(chan struct{})
	go func() {
		ch <- x
		close(done)
	}()
	<-done
	sink = <-ch
	return get
}

func main() {
	sink = closures(3)
}
