module git.fernhill.example/service-template-go

go 1.23

require (
	github.com/stretchr/testify v1.9.0
)
