package main

func main() {
L:
	for {
		break L
	}
M:
	goto N
	x := 1
N:
	_ = x
	continue
	break
	for {
		continue Q
	}
}
