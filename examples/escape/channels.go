// A value sent on a channel may be received by any goroutine: it goes to
// the heap. Receiving allocates nothing.
package main

func send(ch chan *int) {
	x := 1
	ch <- &x
}

func sendValue(ch chan int) {
	y := 2
	ch <- y
}

func recv(ch chan *int) int {
	p := <-ch
	return *p
}

func main() {
	ch := make(chan *int, 1)
	send(ch)
	_ = recv(ch)
	c2 := make(chan int, 1)
	sendValue(c2)
}
