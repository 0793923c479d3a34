package main

func main() {
	x := 1
	x := 2
	1 + 2
	var ch chan<- int
	<-ch
	var r <-chan int
	r <- 1
	for i, j, k := range []int{} {
	}
	switch {
	case 1:
	}
	go 1
	defer len("a")
	var f float64
	f++
	var s string
	s++
	if x {
	}
	_ = f
}
