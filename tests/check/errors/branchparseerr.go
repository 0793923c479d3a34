package main

func f() {
	go 1
	break
L:
}

func g() {
	defer (recover())
	continue
}

func h() {
	break
	func() {
		defer 2
		continue
	}()
}

func main() {}
