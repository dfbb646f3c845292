module git.fernhill.example/kubernetes-baseline

go 1.23

require (
	github.com/stretchr/testify v1.9.0
)
