package p

type I interface {
	M(
}
