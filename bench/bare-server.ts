// A bare Fastify app with one route and no plugins: the baseline every endpoint's throughput is compared with.
import Fastify from 'fastify'

const app = Fastify({ logger: false })
app.get('/bare', async () => ({ hello: 'world' }))
await app.listen({ port: Number(process.argv[2] ?? 3998), host: '127.0.0.1' })
console.log('ready')
