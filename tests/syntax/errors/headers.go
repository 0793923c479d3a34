package p

func f() {
	if x := 0 {
	}
	for i := 0; i < 10; i := i + 1 {
	}
	if {
	}
	if x = 1 {
	}
	for ; ; i++
	{
	}
}
