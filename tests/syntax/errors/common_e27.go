package p

func f[T any, ](x T) {}
func g[](x int) {}
