package p

func f() {
	go func() {}
}
