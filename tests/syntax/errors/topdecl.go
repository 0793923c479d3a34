package p

x := 1

func g()
{
}

var v = 1 {
}
