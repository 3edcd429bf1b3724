export { readFrameworkXlsx } from './read-framework-xlsx.ts'
export { writeFrameworkXlsx } from './write-framework-xlsx.ts'
