module git.fernhill.example/schema-registry-client

go 1.23

require (
	github.com/stretchr/testify v1.9.0
)
