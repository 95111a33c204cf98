$STJ --frameworks tests/fixtures/frameworks framework show --detail stj-ggsr@2016
