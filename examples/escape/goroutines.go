// go statements: the goroutine outlives the caller's frame, so its
// closure and everything it captures or is passed by pointer escapes.
package main

import "sync"

func worker(n *int, wg *sync.WaitGroup) {
	*n++
	wg.Done()
}

func spawn() {
	var wg sync.WaitGroup
	n := 0
	wg.Add(2)
	go worker(&n, &wg)
	go func() {
		n++
		wg.Done()
	}()
	wg.Wait()
}

func main() {
	spawn()
}
