npm run --silent eval:dialog -- --verbose 2>&1 | awk '/confusions \(held-out\)/{exit} /^dev/{print} /confusions \(dev\)/{p=1} p'
