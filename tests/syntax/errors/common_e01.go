package p

func f() {
	fmt.Println("x"
}
