import 'server-only'
import { readConfig } from '@/lib/env'

/** The secret that signs preview links, or undefined when previews are off. Never sent to a browser. */
export const previewSecret = () => readConfig().previewSecret
